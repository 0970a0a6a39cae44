using IcpSearch.Grains.Demo;
using IcpSearch.Grains.Industries;
using IcpSearch.Grains.Import;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IcpSearch.Bench;

/// <summary>
/// Fills a benchmark database: the bundled SSIC reference and N deterministic demo registry rows, VACUUM ANALYZEd.
/// </summary>
public static class BenchRegistry
{
    public static async Task LoadAsync(string connectionString, int rows)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SsicImporter(dataSource, ArcticXsEmbedder.Shared, NullLogger<SsicImporter>.Instance).ImportBundledAsync();
        await RegistryCopy.AppendAsync(dataSource, DemoRegistryGenerator.FromBundledReference().Generate(rows));

        // Settle the database before measuring: statistics, visibility map, and the checkpoint a bulk load triggers.
        await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE staging_acra_companies");
        vacuum.CommandTimeout = 600;
        await vacuum.ExecuteNonQueryAsync();
        await using var checkpoint = dataSource.CreateCommand("CHECKPOINT");
        checkpoint.CommandTimeout = 600;
        await checkpoint.ExecuteNonQueryAsync();
    }
}
