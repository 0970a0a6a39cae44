namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Limits on enrichment providers.
/// </summary>
public sealed class EnrichmentOptions
{
    /// <summary>Gets or sets how long one provider may take on one batch before it is abandoned and the batch marked degraded (<c>ENRICHMENT_TIMEOUT_MS</c>). Default: 2 seconds.</summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long a written company with unchanged enriched values is not written again (its <c>last_seen</c> has this resolution). Default: 1 minute.</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromMinutes(1);
}
