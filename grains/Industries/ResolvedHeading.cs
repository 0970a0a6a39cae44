namespace IcpSearch.Grains.Industries;

/// <summary>
/// One heading or code an industry term resolved to.
/// </summary>
/// <param name="Term">The term as given to the resolver.</param>
/// <param name="Code">A section letter or a 2- to 5-digit SSIC code.</param>
/// <param name="Title">The title in the SSIC reference searched.</param>
/// <param name="Level"><c>section</c>, <c>division</c>, <c>group</c>, <c>class</c> or <c>subclass</c> (1 to 5 characters).</param>
/// <param name="MatchedBy">
/// How the term found it: <c>alias</c> (the curated lexicon), <c>title</c> (the term is the heading's title),
/// <c>words</c> (full-text search on titles), <c>meaning</c> (sentence-embedding similarity),
/// <c>similar_spelling</c> (trigram similarity, for misspellings).
/// </param>
/// <param name="CodeCount">How many 5-digit codes of the reference it stands for.</param>
public sealed record ResolvedHeading(string Term, string Code, string Title, string Level, string MatchedBy, int CodeCount);
