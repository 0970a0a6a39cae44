using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// The silo's command line: <c>migrate</c>, <c>import acra</c>, <c>import ssic</c>, <c>demo</c> and <c>apikey create</c>. Any other
/// arguments (none, or host arguments such as <c>--urls</c>) start the silo.
/// </summary>
public static class SiloCommandLine
{
    /// <summary>Exit code for invalid arguments or configuration.</summary>
    public const int InvalidArguments = 2;

    /// <summary>Exit code when a command ran but did not succeed (a file could not be imported).</summary>
    public const int Failed = 1;

    /// <summary>Exit code after Ctrl-C.</summary>
    public const int Cancelled = 130;

    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "migrate", "import", "demo", "apikey" };

    /// <summary>Returns whether the arguments name a command rather than starting the silo.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>Runs the command the arguments name and returns its exit code.</summary>
    /// <param name="args">The arguments, command first.</param>
    /// <param name="overrides">Configuration that wins over appsettings and flags (tests give their database here).</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl-C is wired up here too).</param>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        if (args is ["apikey"])
        {
            await Console.Error.WriteLineAsync("silo apikey: say what to do: 'apikey create --tenant <tenant>'.");
            return InvalidArguments;
        }

        if (args is ["import"])
        {
            await Console.Error.WriteLineAsync("silo import: say what to import: 'import acra <file-or-folder>' or 'import ssic <file> --version <label>'.");
            return InvalidArguments;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C cancels the command, which rolls back the file being imported; a second one kills.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        if (Console.IsOutputRedirected)
        {
            // Lines for a log file or a pipe are not wrapped at a terminal's width.
            AnsiConsole.Profile.Width = short.MaxValue;
        }

        try
        {
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName("silo");
                config.PropagateExceptions();
                config.UseStrictParsing();
                config.AddCommand<MigrateCommand>("migrate")
                    .WithData(overrides!)
                    .WithDescription("Apply pending database migrations and list them.");
                config.AddBranch("import", import =>
                {
                    import.SetDescription("Load registry data into the database.");
                    import.AddCommand<ImportAcraCommand>("acra")
                        .WithData(overrides!)
                        .WithDescription("Import ACRA entity CSV files (a file, or every *.csv in a folder) into staging.")
                        .WithExample("import", "acra", "data/acra/")
                        .WithExample("import", "acra", "EntitiesA.csv", "--max-reject-share", "0.01");
                    import.AddCommand<ImportSsicCommand>("ssic")
                        .WithData(overrides!)
                        .WithDescription("Import an SSIC reference CSV as a version of ssic_ref (replacing that version).")
                        .WithExample("import", "ssic", "ssic2020.csv", "--version", "ssic2020");
                });
                config.AddBranch("apikey", apikey =>
                {
                    apikey.SetDescription("Manage API keys of the LangGraph API (agent-chat-ui).");
                    apikey.AddCommand<ApiKeyCreateCommand>("create")
                        .WithData(overrides!)
                        .WithDescription("Create an API key for a tenant; prints the key once, stores only its hash.")
                        .WithExample("apikey", "create", "--tenant", "acme");
                });
                config.AddCommand<DemoCommand>("demo")
                    .WithData(overrides!)
                    .WithDescription("Generate the deterministic demo registry as ACRA CSV files and import them.")
                    .WithExample("demo", "--rows", "60000", "--if-empty");
            });
            return await app.RunAsync(args, cancellation.Token);
        }
        catch (CommandAppException ex)
        {
            await Console.Error.WriteLineAsync($"silo {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2))}: {ex.Message}");
            await Console.Error.WriteLineAsync("Run 'silo <command> --help' for usage.");
            return InvalidArguments;
        }
        catch (NpgsqlException ex)
        {
            // Whatever was being imported is rolled back with its transaction; the message says what went wrong.
            await Console.Error.WriteLineAsync($"silo {args[0]}: database error: {ex.Message}");
            return Failed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]cancelled[/]");
            return Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
