using IcpSearch.Grains.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// The throwaway PostgreSQL server that ./test.sh starts; every fixture gets its own fresh, migrated database on it.
/// </summary>
public static class TestPostgres
{
    /// <summary>The environment variable holding the admin connection string.</summary>
    public const string Variable = "ICPSEARCH_TEST_PG";

    /// <summary>Gets the admin connection string, or fails with a message saying how to provide one.</summary>
    public static string AdminConnectionString
        => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests through ./test.sh, which starts a throwaway PostgreSQL, or set {Variable} " +
                "to an admin connection string such as Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres.");

    /// <summary>Creates an empty database (on the server of <paramref name="adminConnectionString"/>, by default the shared one) and returns its connection string.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string prefix, string? adminConnectionString = null)
    {
        adminConnectionString ??= AdminConnectionString;
        var name = $"icp_{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            // The name is generated here from a fixed prefix and a GUID; identifiers cannot be parameters.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    /// <summary>Creates a database with every migration applied and returns its connection string.</summary>
    public static async Task<string> CreateMigratedDatabaseAsync(string prefix, string? adminConnectionString = null)
    {
        var connectionString = await CreateEmptyDatabaseAsync(prefix, adminConnectionString);
        await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(connectionString);
        return connectionString;
    }

    /// <summary>Drops a database created by this class, closing its connections first.</summary>
    public static async Task DropDatabaseAsync(string connectionString, string? adminConnectionString = null)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString ?? AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
