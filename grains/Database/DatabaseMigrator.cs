using System.Reflection;
using DbUp;
using DbUp.Engine;

namespace IcpSearch.Grains.Database;

/// <summary>
/// Applies the numbered scripts of <c>sql/</c> (embedded in this assembly) with DbUp, journaled in <c>schemaversions</c>.
/// </summary>
/// <remarks>
/// Scripts run in file-name order, each in its own transaction, except scripts whose first line starts with
/// <c>-- no-transaction</c>: those run statement by statement outside any transaction (DbUp splits them at lines
/// holding a lone <c>;</c>), which is what <c>CREATE INDEX CONCURRENTLY</c> requires.
/// </remarks>
public sealed partial class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    private const string ResourcePrefix = "sql/";
    private const string NoTransactionMarker = "-- no-transaction";

    // Two silos starting together must not race through the same scripts.
    private const long MigrationLockKey = 0x1C95EA4C;

    /// <summary>Returns the embedded scripts in the order they apply.</summary>
    public static IReadOnlyList<SqlScript> LoadScripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SqlScript(n[ResourcePrefix.Length..], ReadResource(assembly, n)))
            .ToList();
    }

    /// <summary>Applies every pending script; applying twice is a no-op.</summary>
    public async Task<MigrationResult> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var applied = new List<string>();
            foreach (var group in GroupByTransactionMode(LoadScripts()))
            {
                var builder = DeployChanges.To
                    .PostgresqlDatabase(connectionString)
                    .WithScripts(group.Scripts)
                    .WithVariablesDisabled()
                    .LogTo(new UpgradeLogAdapter(logger));
                builder = group.NoTransaction ? builder.WithoutTransaction() : builder.WithTransactionPerScript();

                var result = builder.Build().PerformUpgrade();
                if (!result.Successful)
                {
                    throw new InvalidOperationException(
                        $"Migration {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error?.Message}", result.Error);
                }

                applied.AddRange(result.Scripts.Select(s => s.Name));
            }

            LogMigrated(logger, applied.Count, string.Join(", ", applied));
            return new MigrationResult(applied);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static IEnumerable<(bool NoTransaction, List<SqlScript> Scripts)> GroupByTransactionMode(IReadOnlyList<SqlScript> scripts)
    {
        List<SqlScript> current = [];
        var currentMode = false;
        foreach (var script in scripts)
        {
            var noTransaction = script.Contents.TrimStart().StartsWith(NoTransactionMarker, StringComparison.Ordinal);
            if (current.Count > 0 && noTransaction != currentMode)
            {
                yield return (currentMode, current);
                current = [];
            }

            currentMode = noTransaction;
            current.Add(script);
        }

        if (current.Count > 0)
        {
            yield return (currentMode, current);
        }
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(EventId = 100, EventName = "migrations_applied", Level = LogLevel.Information,
        Message = "Database migrations: {Count} applied ({Scripts})")]
    private static partial void LogMigrated(ILogger logger, int count, string scripts);
}
