using IcpSearch.Grains.Demo;
using IcpSearch.Grains.Import;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// <c>demo</c>: generates the deterministic demo registry as ACRA-format CSV files (one per initial letter of the
/// entity name, like ACRA's own) and loads them through the ACRA importer; imports the bundled SSIC reference first
/// when the database has none.
/// </summary>
public sealed class DemoCommand : AsyncCommand<DemoSettings>
{
    private const string HasSsicSql = "SELECT EXISTS (SELECT 1 FROM ssic_versions)";

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var interactive = !Console.IsOutputRedirected;
        using var host = await CommandHost.StartAsync(context.Overrides(), interactive, cancellationToken);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();

        if (!await QueryBoolAsync(dataSource, HasSsicSql, cancellationToken))
        {
            var ssic = await host.Services.GetRequiredService<SsicImporter>().ImportBundledAsync(cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"demo: imported the bundled SSIC reference as {ssic.Version} ({ssic.Stored:N0} rows)");
        }

        if (settings.IfEmpty && !await QueryBoolAsync(dataSource, AcraStageSql.IsEmpty, cancellationToken))
        {
            AnsiConsole.MarkupLine("demo: staging_acra_companies already holds rows; nothing to do (--if-empty)");
            return 0;
        }

        var files = await WriteFilesAsync(settings, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"demo: wrote {settings.Rows:N0} rows (seed {settings.Seed}) to {files.Count} files in {settings.Out}");
        var runner = ActivatorUtilities.CreateInstance<AcraImportRunner>(host.Services);
        return await runner.RunAsync(files, new AcraImportOptions(), interactive, cancellationToken);
    }

    private static async Task<List<string>> WriteFilesAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.Out);
        var rows = DemoRegistryGenerator.FromBundledReference().Generate(settings.Rows, settings.Seed);
        var files = new List<string>();
        foreach (var group in rows.GroupBy(r => FileKey(r.EntityName)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var file = Path.Combine(settings.Out, $"acra-entities-{group.Key}.csv");
            await using (var output = File.Create(file))
            {
                await DemoRegistryGenerator.WriteCsvAsync(group, output, cancellationToken);
            }

            files.Add(file);
        }

        return files;
    }

    // ACRA publishes one file per initial letter of the entity name, and one for names starting otherwise.
    private static string FileKey(string name)
        => name.Length > 0 && char.IsAsciiLetter(name[0]) ? char.ToUpperInvariant(name[0]).ToString() : "others";

    private static async Task<bool> QueryBoolAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
