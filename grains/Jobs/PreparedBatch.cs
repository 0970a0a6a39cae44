using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A job's batch read from the registry after <paramref name="AfterUen"/> and prepared by the pipeline, not yet written.
/// </summary>
/// <param name="AfterUen">The cursor the batch was read after (null from the start).</param>
/// <param name="Limit">The most rows it was read with.</param>
/// <param name="Rows">The rows read, in UEN order.</param>
/// <param name="Companies">What the pipeline prepared for them; null when there are no rows.</param>
internal sealed record PreparedBatch(string? AfterUen, int Limit, IReadOnlyList<RegistryRow> Rows, CompanyWrite? Companies);
