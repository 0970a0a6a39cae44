namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Writes scored companies set-based, idempotently: upsert by UEN (or lower-cased name without one).
/// </summary>
public interface ICompanyStore
{
    /// <summary>Writes the batch atomically and returns the company id of each company, in input order.</summary>
    Task<IReadOnlyList<long>> SaveAsync(CompanyWrite write, CancellationToken cancellationToken = default);
}
