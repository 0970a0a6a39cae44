using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Search;

/// <summary>
/// Rejects search settings that cannot work, naming the environment variable to fix.
/// </summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        var failures = new List<string>();
        if (options.Mode is not (SearchOptions.Background or SearchOptions.SyncPreview or SearchOptions.Off))
        {
            failures.Add($"STAGING_UPSERT_MODE must be background, sync_preview or off (got '{options.Mode}').");
        }

        if (options.SyncLimit is < 0 or > 200)
        {
            failures.Add($"UPSERT_SYNC_LIMIT must be between 0 and 200 (got {options.SyncLimit}).");
        }

        if (options.SyncOrder is not (SearchOptions.BestFirst or SearchOptions.MatchOrder))
        {
            failures.Add($"UPSERT_SYNC_ORDER must be best or match (got '{options.SyncOrder}').");
        }

        if (options.RefineAbove < 1)
        {
            failures.Add($"REFINE_ABOVE must be at least 1 (got {options.RefineAbove}).");
        }

        if (options.PreviewLimit is < 1 or > 200)
        {
            failures.Add($"SearchOptions:PreviewLimit must be between 1 and 200 (got {options.PreviewLimit}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
