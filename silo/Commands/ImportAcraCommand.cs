using IcpSearch.Grains.Import;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// <c>import acra &lt;file-or-folder&gt;</c>: loads ACRA entity CSV files into <c>staging_acra_companies</c>.
/// </summary>
public sealed class ImportAcraCommand : AsyncCommand<ImportAcraSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ImportAcraSettings settings, CancellationToken cancellationToken)
    {
        var interactive = !Console.IsOutputRedirected;
        using var host = await CommandHost.StartAsync(context.Overrides(), interactive, cancellationToken);
        var runner = ActivatorUtilities.CreateInstance<AcraImportRunner>(host.Services);
        return await runner.RunAsync(settings.Files(), new AcraImportOptions { MaxRejectShare = settings.RejectShare }, interactive, cancellationToken);
    }
}
