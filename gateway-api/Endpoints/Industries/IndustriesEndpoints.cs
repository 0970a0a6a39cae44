using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.GrainInterfaces.Industries;

namespace IcpSearch.Gateway.Endpoints.Industries;

/// <summary>
/// SSIC headings offered while a user types an industry.
/// </summary>
public static class IndustriesEndpoints
{
    /// <summary>The number of suggestions when the caller gives no limit.</summary>
    public const int DefaultLimit = 8;

    /// <summary>The most suggestions one call returns.</summary>
    public const int MaxLimit = 50;

    public static RouteGroupBuilder MapIndustriesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/industries").WithTags("Industries");
        group.MapGet("/suggest", SuggestAsync).WithName("SuggestIndustries")
            .WithSummary("Returns SSIC headings whose titles match the typed text, broadest first; fewer than 2 characters gives none.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    public static async Task<Results<Ok<IndustrySuggestions>, ProblemHttpResult>> SuggestAsync(string? q, string? limit, IClusterClient cluster)
    {
        if (!QueryLimit.TryParse(limit, DefaultLimit, MaxLimit, out var size, out var problem))
        {
            return problem;
        }

        // q's length and characters are the text rule's (TextInput/TextFields), checked before binding.
        var text = q?.Trim() ?? "";
        if (text.Length < 2)
        {
            return TypedResults.Ok(new IndustrySuggestions([]));
        }

        var suggestions = await cluster.GetGrain<IIndustryGrain>(0).SuggestAsync(text, size);
        return TypedResults.Ok(new IndustrySuggestions(suggestions.Select(s => new IndustryItem(s.Code, s.Title, s.Level)).ToList()));
    }
}
