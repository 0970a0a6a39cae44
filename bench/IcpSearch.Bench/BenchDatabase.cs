using IcpSearch.Grains.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IcpSearch.Bench;

/// <summary>
/// Fresh, migrated databases on the server that bench/run.sh starts (<c>ICPSEARCH_BENCH_PG</c>).
/// </summary>
public static class BenchDatabase
{
    public const string Variable = "ICPSEARCH_BENCH_PG";

    public static string AdminConnectionString
        => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run benchmarks through bench/run.sh, which starts a throwaway PostgreSQL.");

    /// <summary>Creates (replacing) a migrated database and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            // The name is a constant chosen by the benchmark, never user input.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(connectionString);
        return connectionString;
    }
}
