using IcpSearch.Grains.Registry;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// A company on its way from a registry row into <c>companies</c>: enrichment providers fill it in place.
/// </summary>
public sealed class CompanyDraft(RegistryRow source)
{
    private readonly List<string> _degradedReasons = [];

    public RegistryRow Source { get; } = source;

    public string? Uen { get; set; } = string.IsNullOrWhiteSpace(source.Uen) ? null : source.Uen.Trim();

    public string Name { get; set; } = source.EntityName.Trim();

    public string? IndustryNorm { get; set; }

    public string? IndustryCode { get; set; }

    public string? WebsiteDomain { get; set; }

    public int? EmployeesEst { get; set; }

    public string? SizeBand { get; set; }

    public int? IncorporationYear { get; set; }

    public int? FoundedYear { get; set; }

    public bool? SgRegistered { get; set; }

    public string? EntityType { get; set; }

    public string? EntityStatus { get; set; }

    public string? HqDistrict { get; set; }

    public string? HqCity { get; set; }

    public string? HqCountry { get; set; }

    public string? PostalCode { get; set; }

    public string? SecondarySsicCode { get; set; }

    public int? Officers { get; set; }

    /// <summary>Gets "ok", or "degraded" once any provider could not do its part.</summary>
    public string EnrichmentStatus => _degradedReasons.Count == 0 ? "ok" : "degraded";

    /// <summary>Gets the reasons joined for display, or null when nothing degraded.</summary>
    public string? EnrichmentReason => _degradedReasons.Count == 0 ? null : string.Join("; ", _degradedReasons);

    /// <summary>Gets how many degradation reasons have been recorded so far.</summary>
    public int DegradedCount => _degradedReasons.Count;

    /// <summary>Returns a hash of every value written to <c>companies</c>, to tell whether a rewrite would change anything.</summary>
    /// <remarks>
    /// A change detector, not a secret: a non-cryptographic 128-bit hash, a fraction of SHA-256's cost on every row of a job.
    /// Rows stored under an earlier hash function differ once, and are rewritten once.
    /// </remarks>
    public string SourceHash()
    {
        var text = string.Join('\u001f', Name, IndustryNorm, IndustryCode, WebsiteDomain, EmployeesEst, SizeBand, IncorporationYear,
            FoundedYear, SgRegistered, EntityType, EntityStatus, HqDistrict, HqCity, HqCountry, PostalCode, EnrichmentStatus, EnrichmentReason, SecondarySsicCode, Officers);
        return Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Records that a provider could not enrich this company, and why.</summary>
    public void MarkDegraded(string reason) => _degradedReasons.Add(reason);

    /// <summary>Returns the reasons recorded after the first <paramref name="skip"/>, joined; null when there are none.</summary>
    public string? ReasonsSince(int skip) => _degradedReasons.Count > skip ? string.Join("; ", _degradedReasons.Skip(skip)) : null;
}
