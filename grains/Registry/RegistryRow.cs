namespace IcpSearch.Grains.Registry;

/// <summary>
/// The staging columns the pipeline uses from one ACRA registry row.
/// </summary>
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
