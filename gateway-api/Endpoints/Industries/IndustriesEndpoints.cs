using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.Gateway.Errors;
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

    /// <summary>The longest text accepted.</summary>
    public const int MaxQueryLength = 100;

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

        var text = q?.Trim() ?? "";
        if (text.Length > MaxQueryLength)
        {
            return Problems.Invalid("q", $"q has {text.Length} characters; at most {MaxQueryLength} are allowed.");
        }

        if (text.Length < 2)
        {
            return TypedResults.Ok(new IndustrySuggestions([]));
        }

        var suggestions = await cluster.GetGrain<IIndustryGrain>(0).SuggestAsync(text, size);
        return TypedResults.Ok(new IndustrySuggestions(suggestions.Select(s => new IndustryItem(s.Code, s.Title, s.Level)).ToList()));
    }
}
