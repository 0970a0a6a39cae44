using IcpSearch.Grains.Demo;
using IcpSearch.Grains.Import;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace IcpSearch.Bench;

/// <summary>
/// Fills a benchmark database: the bundled SSIC reference and N deterministic demo registry rows, VACUUM ANALYZEd.
/// </summary>
public static class BenchRegistry
{
    public static async Task LoadAsync(string connectionString, int rows)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SsicImporter(dataSource, NullLogger<SsicImporter>.Instance).ImportBundledAsync();
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY staging_acra_companies (uen, entity_name, entity_type_description, entity_status_description,
                registration_incorporation_date, postal_code, primary_ssic_code, primary_ssic_description,
                secondary_ssic_code, secondary_ssic_description, no_of_officers)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var r in DemoRegistryGenerator.FromBundledReference().Generate(rows))
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(r.Uen, NpgsqlDbType.Text);
                await importer.WriteAsync(r.EntityName, NpgsqlDbType.Text);
                await importer.WriteAsync(r.EntityTypeDescription, NpgsqlDbType.Text);
                await importer.WriteAsync(r.EntityStatusDescription, NpgsqlDbType.Text);
                await importer.WriteAsync(r.RegistrationIncorporationDate, NpgsqlDbType.Date);
                await importer.WriteAsync(r.PostalCode, NpgsqlDbType.Text);
                await importer.WriteAsync(r.PrimarySsicCode, NpgsqlDbType.Text);
                await importer.WriteAsync(r.PrimarySsicDescription, NpgsqlDbType.Text);
                if (r.SecondarySsicCode is null)
                {
                    await importer.WriteNullAsync();
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(r.SecondarySsicCode, NpgsqlDbType.Text);
                    await importer.WriteAsync(r.SecondarySsicDescription!, NpgsqlDbType.Text);
                }

                await importer.WriteAsync(r.NoOfOfficers, NpgsqlDbType.Integer);
            }

            await importer.CompleteAsync();
        }

        // Settle the database before measuring: statistics, visibility map, and the checkpoint a bulk load triggers.
        await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE staging_acra_companies");
        vacuum.CommandTimeout = 600;
        await vacuum.ExecuteNonQueryAsync();
        await using var checkpoint = dataSource.CreateCommand("CHECKPOINT");
        checkpoint.CommandTimeout = 600;
        await checkpoint.ExecuteNonQueryAsync();
    }
}
