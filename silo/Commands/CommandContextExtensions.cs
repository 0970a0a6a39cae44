using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Reads what <see cref="SiloCommandLine"/> hands every command.
/// </summary>
public static class CommandContextExtensions
{
    /// <summary>Returns the configuration overrides given to <see cref="SiloCommandLine.RunAsync"/> (null outside tests).</summary>
    public static IReadOnlyDictionary<string, string?>? Overrides(this CommandContext context)
        => context.Data as IReadOnlyDictionary<string, string?>;
}
