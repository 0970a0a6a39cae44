using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// Reads the staging registry in match order: live entities first, then UEN.
/// </summary>
public interface IStagingRegistry
{
    /// <summary>Returns the number of staging rows the spec matches.</summary>
    Task<long> CountMatchesAsync(MatchSpec match, CancellationToken cancellationToken = default);

    /// <summary>Returns the codes of the registry's activities whose description contains one of the terms (the fallback when no SSIC title matches).</summary>
    Task<IReadOnlyList<string>> FindCodesByDescriptionAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default);

    /// <summary>Returns up to <paramref name="limit"/> matching rows strictly after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<RegistryRow>> ReadMatchesAsync(MatchSpec match, MatchCursor? after, int limit, CancellationToken cancellationToken = default);
}
