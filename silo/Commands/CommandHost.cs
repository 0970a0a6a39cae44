using IcpSearch.Grains.Extensions;
using SiloExtensions = IcpSearch.Silo.Extensions.Extensions;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// The services a command runs on: the silo's configuration (appsettings, the <c>Flags</c> environment variables),
/// logging and the grains' services, without Orleans or a web server.
/// </summary>
public static class CommandHost
{
    /// <summary>Builds and starts the host (validating every option, as the silo does at start).</summary>
    /// <param name="overrides">Settings that win over every other source (tests pass their database here).</param>
    /// <param name="interactive">Whether output is a terminal: libraries then log only warnings, so the command's own progress display stays readable.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides, bool interactive, CancellationToken cancellationToken)
    {
        // The content root is where appsettings.json is copied, whatever folder the command is run from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddFlags(SiloExtensions.Flags);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = interactive ? "Warning" : "Information",
            // "Application started. Press Ctrl+C to shut down" means nothing for a command.
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
            // A start that fails on configuration is reported once, by HostRunner, without a stack trace.
            ["Serilog:MinimumLevel:Override:Microsoft.Extensions.Hosting"] = "Fatal",
            // The commands report each file themselves (on a terminal, ignored columns too, above the progress bars).
            ["Serilog:MinimumLevel:Override:IcpSearch.Grains.Import"] = interactive ? "Error" : "Warning",
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var runFile = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("IcpSearch"))
            ? RunDatabaseFile.Find(Environment.CurrentDirectory, AppContext.BaseDirectory)
            : null;
        if (runFile is not null && RunDatabaseFile.Read(runFile) is { } connectionString)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:IcpSearch"] = connectionString });
        }
        else
        {
            runFile = null;
        }

        builder.AddIcpSearchLogging();
        builder.Services.AddIcpSearchGrains(builder.Configuration);
        var host = builder.Build();
        if (runFile is not null)
        {
            // The path only: the file's content is a connection string and may hold a password.
            CommandLog.DatabaseFromRunFile(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommandHost)), runFile);
        }

        await host.StartAsync(cancellationToken);
        return host;
    }
}
