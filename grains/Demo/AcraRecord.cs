namespace IcpSearch.Grains.Demo;

/// <summary>
/// One entity in the layout of ACRA's open-data entity files (the columns IcpSearch stages).
/// </summary>
public sealed record AcraRecord(
    string Uen,
    string EntityName,
    string EntityTypeDescription,
    string EntityStatusDescription,
    DateOnly RegistrationIncorporationDate,
    string? Block,
    string? StreetName,
    string? LevelNo,
    string? UnitNo,
    string? BuildingName,
    string PostalCode,
    string PrimarySsicCode,
    string PrimarySsicDescription,
    string? SecondarySsicCode,
    string? SecondarySsicDescription,
    int NoOfOfficers)
{
    /// <summary>The CSV header of the generated files, in ACRA's column names.</summary>
    public static readonly string[] CsvHeader =
    [
        "uen", "entity_name", "entity_type_description", "entity_status_description", "registration_incorporation_date",
        "block", "street_name", "level_no", "unit_no", "building_name", "postal_code", "primary_ssic_code",
        "primary_ssic_description", "secondary_ssic_code", "secondary_ssic_description", "no_of_officers",
    ];
}
