namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// An SSIC heading a message was understood to name.
/// </summary>
/// <param name="Code">Gets the heading's code: a section letter, or a 2- to 5-digit code.</param>
/// <param name="Title">Gets the heading's SSIC title.</param>
/// <param name="Level">Gets the heading's level: section, division, group, class or subclass.</param>
/// <param name="MatchedBy">Gets how the phrase reached the heading (for example alias, title, words, description).</param>
/// <param name="Term">Gets the phrase of the message that named it.</param>
/// <param name="CodeCount">Gets the number of 5-digit codes under the heading.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.UnderstoodIndustry")]
public sealed record UnderstoodIndustry(string Code, string Title, string Level, string MatchedBy, string Term, int CodeCount);
