namespace IcpSearch.Grains.Registry;

/// <summary>
/// The staging columns the pipeline uses from one ACRA registry row.
/// </summary>
/// <remarks>
/// <see cref="Uen"/> is never null for a staging row (it is the key); the pipeline also takes rows without one and
/// upserts them by lower-cased name.
/// </remarks>
public sealed record RegistryRow(
    string? Uen,
    string EntityName,
    string? EntityType,
    string? EntityStatus,
    DateOnly? IncorporationDate,
    string? PostalCode,
    string? PrimarySsicCode,
    string? PrimarySsicDescription,
    string? SecondarySsicCode,
    int? NoOfOfficers,
    short LiveRank);
