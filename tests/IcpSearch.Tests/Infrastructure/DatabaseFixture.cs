using IcpSearch.Grains.Demo;
using IcpSearch.Grains.Industries;
using IcpSearch.Grains.Import;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A fresh migrated database with the bundled SSIC reference and a deterministic demo registry, dropped at the end.
/// </summary>
public class DatabaseFixture : IAsyncLifetime
{
    /// <summary>Gets the number of demo registry rows the fixture loads.</summary>
    protected virtual int RegistryRows => 20_000;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>Gets the admin connection string of the server the database is created on: the suite's shared one unless a fixture brings its own.</summary>
    protected virtual string AdminConnectionString => TestPostgres.AdminConnectionString;

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateMigratedDatabaseAsync(
            GetType().Name.Replace("Fixture", "", StringComparison.Ordinal).ToLowerInvariant(), AdminConnectionString);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await new SsicImporter(DataSource, ArcticXsEmbedder.Shared, NullLogger<SsicImporter>.Instance).ImportBundledAsync();

        // Job ids whose decimal and hexadecimal spellings differ, as in production: Orleans writes integer grain
        // keys in hex, and single-digit ids would hide a test or query that looks a job up by its decimal id.
        await using (var jobIds = DataSource.CreateCommand("ALTER TABLE background_jobs ALTER COLUMN job_id RESTART WITH 4096"))
        {
            await jobIds.ExecuteNonQueryAsync();
        }

        if (RegistryRows > 0)
        {
            await StagingSeeder.InsertAsync(DataSource, DemoRegistryGenerator.FromBundledReference().Generate(RegistryRows));
            await using var analyze = DataSource.CreateCommand("VACUUM ANALYZE staging_acra_companies");
            await analyze.ExecuteNonQueryAsync();
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString, AdminConnectionString);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs a scalar query.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
