using Serilog;
using Serilog.Formatting.Compact;

namespace IcpSearch.ServiceDefaults;

/// <summary>
/// Serilog for the hosts: console output as text, or as compact JSON when <c>LOG_FORMAT=json</c>.
/// </summary>
public static class LoggingExtensions
{
    /// <summary>The flag choosing the log format.</summary>
    public static Flag LogFormatFlag { get; } = new("LOG_FORMAT", "Logging:Format", FlagKind.Text);

    /// <summary>Replaces the host's logging with Serilog, configured from <c>Serilog</c> and <c>Logging:Format</c>.</summary>
    /// <remarks>The host's logger stays its own (the static <c>Log.Logger</c> is left alone), so two hosts in one process log apart.</remarks>
    public static IHostApplicationBuilder AddIcpSearchLogging(this IHostApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new FlagException($"LOG_FORMAT must be text or json (got '{format}').");
        }

        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Orleans", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Orleans", Serilog.Events.LogEventLevel.Warning);
            if (format == "json")
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        }, preserveStaticLogger: true);
        return builder;
    }
}
