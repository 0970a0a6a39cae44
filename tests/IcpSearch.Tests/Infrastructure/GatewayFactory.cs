using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// The real gateway (its Program, pipeline and Orleans client) on real Kestrel at a free port, configured with the
/// given settings instead of environment variables; every log event also goes to <see cref="Logs"/>.
/// </summary>
/// <remarks>
/// The type argument only names the gateway's assembly: the silo also has a global <c>Program</c>, so the gateway's is
/// ambiguous here, and any type of the assembly finds the same entry point.
/// </remarks>
public sealed class GatewayFactory : WebApplicationFactory<IcpSearch.Gateway.Extensions.GatewayOptions>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;

    public GatewayFactory(IReadOnlyDictionary<string, string?> settings, string environment)
    {
        _settings = settings;
        _environment = environment;
        UseKestrel(0);
    }

    /// <summary>Gets every log event the gateway wrote.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Serilog's ReadFrom.Services picks up sinks registered in the container.
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}
