namespace IcpSearch.Grains.Industries;

/// <summary>
/// One SSIC heading a term resolved to.
/// </summary>
/// <param name="Term">The term that named it.</param>
/// <param name="Code">The heading's code: a section letter or a 2- to 5-digit code.</param>
/// <param name="Title">The heading's title in the SSIC reference.</param>
/// <param name="Level">section, division, group, class or subclass.</param>
/// <param name="MatchedBy">How the term reached the heading (alias, title, words, trigram, …).</param>
/// <param name="CodeCount">The number of 5-digit codes under the heading.</param>
public sealed record ResolvedHeading(string Term, string Code, string Title, string Level, string MatchedBy, int CodeCount);
