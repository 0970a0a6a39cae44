namespace IcpSearch.Gateway.Endpoints.Icp;

/// <summary>An SSIC heading of a chat answer's <c>understood.industries</c>; only <c>code</c> is needed.</summary>
/// <param name="Code">The heading's code: a section letter or a 2- to 5-digit code; it becomes a target industry.</param>
/// <param name="Title">The heading's title; not read.</param>
/// <param name="Level">The heading's level; not read.</param>
/// <param name="MatchedBy">How the phrase reached the heading; not read.</param>
/// <param name="Term">The phrase that named it; not read.</param>
/// <param name="CodeCount">The number of 5-digit codes under it; not read.</param>
public sealed record UnderstoodIndustryBody(string? Code, string? Title, string? Level, string? MatchedBy, string? Term, int? CodeCount);
