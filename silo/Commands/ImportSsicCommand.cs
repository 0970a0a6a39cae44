using IcpSearch.Grains.Import;
using IcpSearch.Grains.Industries;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// <c>import ssic &lt;file&gt; --version &lt;label&gt;</c>: stores an SSIC reference as one version of <c>ssic_ref</c>.
/// </summary>
public sealed class ImportSsicCommand : AsyncCommand<ImportSsicSettings>
{
    private const int RejectsShown = 20;

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSsicSettings settings, CancellationToken cancellationToken)
    {
        using var host = await CommandHost.StartAsync(context.Overrides(), !Console.IsOutputRedirected, cancellationToken);
        var importer = new SsicImporter(host.Services.GetRequiredService<NpgsqlDataSource>(), host.Services.GetRequiredService<ITextEmbedder>(), host.Services.GetRequiredService<ILogger<SsicImporter>>())
        {
            MaxRejectShare = RejectShares.Parse(settings.MaxRejectShare),
        };
        try
        {
            await using var stream = File.OpenRead(settings.File);
            var result = await importer.ImportAsync(stream, settings.Version!, Path.GetFileName(settings.File), cancellationToken);
            AnsiConsole.MarkupLineInterpolated(
                $"import ssic: version {result.Version}: {result.RowsRead:N0} rows read, {result.Stored:N0} stored ({result.HeadingsAdded:N0} sections/divisions filled in), {result.Rejected.Count:N0} rejected");
            foreach (var reject in result.Rejected.Take(RejectsShown))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]  line {reject.Line}: {reject.Reason}[/]");
            }

            return 0;
        }
        catch (ImportFailedException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]import ssic: {ex.Message}[/]");
            return SiloCommandLine.Failed;
        }
    }
}
