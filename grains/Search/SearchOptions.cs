namespace IcpSearch.Grains.Search;

/// <summary>
/// How an industry search treats its matches.
/// </summary>
public sealed class SearchOptions
{
    /// <summary>Writes the first matches now and queues the rest.</summary>
    public const string Background = "background";

    /// <summary>Writes nothing now, shows sample names, queues every match.</summary>
    public const string SyncPreview = "sync_preview";

    /// <summary>Extracts terms and touches nothing.</summary>
    public const string Off = "off";

    /// <summary>Gets or sets the staging upsert mode (<c>STAGING_UPSERT_MODE</c>): background, sync_preview or off. Default: background.</summary>
    public string Mode { get; set; } = Background;

    /// <summary>Gets or sets how many matches are upserted, enriched and scored within the request (<c>UPSERT_SYNC_LIMIT</c>), 0 to 200; 0 disables. Default: 10.</summary>
    public int SyncLimit { get; set; } = 10;

    /// <summary>The synchronous matches are the best-scoring under the tenant's ICP.</summary>
    public const string BestFirst = "best";

    /// <summary>The synchronous matches are the first in match order (live, then UEN; newest first when bounded by incorporation from below).</summary>
    public const string MatchOrder = "match";

    /// <summary>
    /// Gets or sets which matches are the synchronous ones (<c>UPSERT_SYNC_ORDER</c>): best or match. Default: best.
    /// </summary>
    /// <remarks>match skips ranking every match of a very broad search, for a registry too large to rank in time.</remarks>
    public string SyncOrder { get; set; } = BestFirst;

    /// <summary>Gets or sets the match count above which a search offers narrower headings (<c>REFINE_ABOVE</c>), at least 1. Default: 500.</summary>
    public long RefineAbove { get; set; } = 500;

    /// <summary>Gets or sets how many sample names sync_preview returns. Default: 20.</summary>
    public int PreviewLimit { get; set; } = 20;
}
