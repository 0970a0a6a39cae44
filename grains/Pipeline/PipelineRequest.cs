using IcpSearch.Grains.Registry;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Registry rows to upsert, enrich and score for a tenant.
/// </summary>
/// <param name="TenantId">The tenant the scores are for.</param>
/// <param name="Rows">The registry rows.</param>
/// <param name="Scoring">What the scores are measured against.</param>
public sealed record PipelineRequest(string TenantId, IReadOnlyList<RegistryRow> Rows, ScoringContext Scoring);
