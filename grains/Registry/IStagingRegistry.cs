using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// Reads the staging registry: the best-scoring matches of a search, its head in match order (live entities first,
/// then UEN), and a job's batches in UEN order.
/// </summary>
public interface IStagingRegistry
{
    /// <summary>Returns the number of staging rows the spec matches.</summary>
    Task<long> CountMatchesAsync(MatchSpec match, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns up to <paramref name="limit"/> headings (the first <paramref name="prefixLength"/> digits of the matching
    /// rows' primary codes) with their titles and counts, most matches first.
    /// </summary>
    Task<IReadOnlyList<(string Code, string Title, long Count)>> CountByHeadingAsync(MatchSpec match, int prefixLength, int limit, CancellationToken cancellationToken = default);

    /// <summary>Returns the codes of the registry's activities whose description contains one of the terms (the fallback when no SSIC title matches).</summary>
    Task<IReadOnlyList<string>> FindCodesByDescriptionAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default);

    /// <summary>Returns the first <paramref name="limit"/> matching rows in match order: live entities first, then UEN.</summary>
    Task<IReadOnlyList<RegistryRow>> ReadHeadAsync(MatchSpec match, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the <paramref name="limit"/> best-scoring matching rows under <paramref name="ranking"/>: highest points
    /// first, ties by UEN, so the same registry and profile always give the same rows.
    /// </summary>
    Task<IReadOnlyList<RegistryRow>> ReadBestAsync(MatchSpec match, IcpScoreModel ranking, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns up to <paramref name="limit"/> matching rows with a UEN strictly after <paramref name="afterUen"/>
    /// (from the start when null), in UEN order, leaving out <paramref name="skipUens"/>.
    /// </summary>
    Task<IReadOnlyList<RegistryRow>> ReadBatchAsync(MatchSpec match, string? afterUen, IReadOnlyList<string> skipUens, int limit, CancellationToken cancellationToken = default);
}
