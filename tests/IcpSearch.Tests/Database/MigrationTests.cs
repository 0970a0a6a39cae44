using IcpSearch.Grains.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpSearch.Tests.Database;

public sealed class MigrationTests
{
    [Fact]
    public async Task MigrateAsync_ShouldApplyEveryScriptOnce_WhenRunTwice()
    {
        // Arrange
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("migrations");
        var migrator = new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance);
        try
        {
            // Act
            var first = await migrator.MigrateAsync(connectionString, TestContext.Current.CancellationToken);
            var second = await migrator.MigrateAsync(connectionString, TestContext.Current.CancellationToken);

            // Assert
            var expected = DatabaseMigrator.LoadScripts().Select(s => s.Name).ToList();
            Assert.Equal(expected, first.Applied);
            Assert.Contains("010_icp_perf.sql", first.Applied);
            Assert.Empty(second.Applied);

            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var journal = dataSource.CreateCommand("SELECT count(*) FROM schemaversions");
            Assert.Equal((long)expected.Count, (long)(await journal.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task MigrateAsync_ShouldCreateValidIndexesAndOrleansQueries_WhenApplied()
    {
        // Arrange
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync("migrationobjects");
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);

            // Act
            await using var indexes = dataSource.CreateCommand("""
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indisvalid AND c.relname = ANY(@names)
                """);
            string[] names =
            [
                "idx_companies_industry_norm_lower", "idx_companies_name_lower", "idx_companies_website_domain",
                "idx_lead_scores_score_id", "idx_staging_primary_ssic", "idx_staging_secondary_ssic",
            ];
            indexes.Parameters.AddWithValue("names", names);
            var valid = new List<string>();
            await using (var reader = await indexes.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                {
                    valid.Add(reader.GetString(0));
                }
            }

            await using var keys = dataSource.CreateCommand("SELECT array_agg(querykey ORDER BY querykey) FROM orleansquery");
            var queryKeys = (string[])(await keys.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

            // Assert
            Assert.Equal(names.Order(), valid.Order());
            Assert.Contains("CleanupDefunctSiloEntriesKey", queryKeys);
            Assert.Contains("UpsertReminderRowKey", queryKeys);
            Assert.Contains("WriteToStorageKey", queryKeys);
            Assert.Contains("GatewaysQueryKey", queryKeys);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task MigrateAsync_ShouldRebuildAnInvalidIndex_WhenTheConcurrentIndexScriptRunsAgain()
    {
        // Arrange: what a failed CREATE INDEX CONCURRENTLY leaves behind (an invalid index), with 010 not journaled.
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync("migrationheal");
        var migrator = new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using (var breakIndex = dataSource.CreateCommand("""
                UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'idx_companies_name_lower'::regclass;
                DELETE FROM schemaversions WHERE scriptname = '010_icp_perf.sql';
                """))
            {
                await breakIndex.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            // Act
            var rerun = await migrator.MigrateAsync(connectionString, TestContext.Current.CancellationToken);

            // Assert
            Assert.Equal(["010_icp_perf.sql"], rerun.Applied);
            await using var check = dataSource.CreateCommand("""
                SELECT bool_and(i.indisvalid) AND count(*) = 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE c.relname = 'idx_companies_name_lower'
                """);
            Assert.True((bool)(await check.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
