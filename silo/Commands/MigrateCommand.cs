using IcpSearch.Grains.Database;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// <c>migrate</c>: applies the pending migrations and prints the scripts it applied.
/// </summary>
public sealed class MigrateCommand : AsyncCommand
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        using var host = await CommandHost.StartAsync(context.Overrides(), !Console.IsOutputRedirected, cancellationToken);
        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var result = await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(options.ConnectionString, cancellationToken);
        if (result.Applied.Count == 0)
        {
            AnsiConsole.MarkupLine("migrate: the schema is up to date (0 scripts applied)");
        }
        else
        {
            AnsiConsole.MarkupLine($"migrate: {result.Applied.Count} script(s) applied:");
            foreach (var script in result.Applied)
            {
                AnsiConsole.MarkupLineInterpolated($"  {script}");
            }
        }

        return 0;
    }
}
