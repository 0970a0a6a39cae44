using IcpSearch.Grains.Demo;
using NpgsqlTypes;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Puts registry rows straight into <c>staging_acra_companies</c> with binary COPY, for tests that need exact fixtures.
/// </summary>
public static class StagingSeeder
{
    /// <summary>Inserts <paramref name="rows"/> and returns how many were written.</summary>
    public static async Task<ulong> InsertAsync(NpgsqlDataSource dataSource, IEnumerable<AcraRecord> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync("""
            COPY staging_acra_companies (uen, entity_name, entity_type_description, entity_status_description,
                registration_incorporation_date, block, street_name, level_no, unit_no, building_name, postal_code,
                primary_ssic_code, primary_ssic_description, secondary_ssic_code, secondary_ssic_description, no_of_officers)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var r in rows)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(r.Uen, NpgsqlDbType.Text);
            await importer.WriteAsync(r.EntityName, NpgsqlDbType.Text);
            await importer.WriteAsync(r.EntityTypeDescription, NpgsqlDbType.Text);
            await importer.WriteAsync(r.EntityStatusDescription, NpgsqlDbType.Text);
            await importer.WriteAsync(r.RegistrationIncorporationDate, NpgsqlDbType.Date);
            await WriteTextAsync(importer, r.Block);
            await WriteTextAsync(importer, r.StreetName);
            await WriteTextAsync(importer, r.LevelNo);
            await WriteTextAsync(importer, r.UnitNo);
            await WriteTextAsync(importer, r.BuildingName);
            await WriteTextAsync(importer, r.PostalCode);
            await WriteTextAsync(importer, r.PrimarySsicCode);
            await WriteTextAsync(importer, r.PrimarySsicDescription);
            await WriteTextAsync(importer, r.SecondarySsicCode);
            await WriteTextAsync(importer, r.SecondarySsicDescription);
            await importer.WriteAsync(r.NoOfOfficers, NpgsqlDbType.Integer);
        }

        return await importer.CompleteAsync();
    }

    /// <summary>Returns a row with sensible defaults for the fields a test does not care about.</summary>
    public static AcraRecord Row(string uen, string name, string code, string status = "Live Company", string? secondary = null, int year = 2015, int officers = 4)
        => new(uen, name, "Local Company", status, new DateOnly(year, 3, 1), "1", "TEST ROAD", null, null, null, "569830",
            code, "TEST ACTIVITY " + code, secondary, secondary is null ? null : "SECONDARY " + secondary, officers);

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value)
        => value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Text);
}
