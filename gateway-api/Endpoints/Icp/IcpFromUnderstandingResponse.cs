using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Icp;

/// <summary>The ICP profile stored from a chat answer's <c>understood</c>.</summary>
/// <param name="Profile">The stored profile, as GET /icp returns it; the weights are the tenant's, unchanged.</param>
/// <param name="NotCarried">One line per understood constraint a profile cannot hold (exclusions, constraints the registry cannot answer).</param>
public sealed record IcpFromUnderstandingResponse(IcpProfileBody Profile, IReadOnlyList<string> NotCarried)
{
    public static IcpFromUnderstandingResponse From(UnderstoodIcp saved) => new(IcpProfileBody.From(saved.Profile), saved.NotCarried);
}
