using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace IcpSearch.Tests.Operations;

/// <summary>
/// A real silo process (the Release build of silo/, as ./run.sh starts it) on a seeded database, with dashboard
/// credentials, jobs that start at once, and an Orleans client connected to it.
/// </summary>
public sealed class SiloProcessFixture : DatabaseFixture
{
    public const string DashboardUser = "operator";
    public const string DashboardPassword = "a-long-dashboard-password";

    private Process _silo = null!;
    private IHost _client = null!;
    private readonly StringWriter _output = new();

    protected override int RegistryRows => 5_000;

    public int HttpPort { get; } = LoopbackPort.Free();

    public int SiloPort { get; } = LoopbackPort.Free();

    public int GatewayPort { get; } = LoopbackPort.Free();

    public int ProcessId => _silo.Id;

    public IClusterClient Grains => _client.Services.GetRequiredService<IClusterClient>();

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Gets what the silo wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var clusterId = "silo-process-" + Guid.NewGuid().ToString("N")[..8];
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IcpSearch.Silo.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var variable in new[] { "ASPNETCORE_URLS", "SILO_HTTP_BIND", "ASPNETCORE_ENVIRONMENT" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["ICPSEARCH_DB"] = ConnectionString,
            ["CLUSTER_ID"] = clusterId,
            ["SERVICE_ID"] = clusterId,
            ["SILO_PORT"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["SILO_GATEWAY_PORT"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["SILO_HTTP_PORT"] = HttpPort.ToString(CultureInfo.InvariantCulture),
            ["MIGRATE_ON_START"] = "false",
            ["JOBS_RUN_IMMEDIATELY"] = "true",
            ["STAGING_BATCH_SIZE"] = "100",
            ["DASHBOARD_USERNAME"] = DashboardUser,
            ["DASHBOARD_PASSWORD"] = DashboardPassword,
        })
        {
            start.Environment[name] = value;
        }

        _silo = Process.Start(start)!;
        _silo.OutputDataReceived += (_, e) => Append(e.Data);
        _silo.ErrorDataReceived += (_, e) => Append(e.Data);
        _silo.BeginOutputReadLine();
        _silo.BeginErrorReadLine();

        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
        await Eventually.Until(async () => !_silo.HasExited && await IsHealthyAsync(), up => up || _silo.HasExited,
            TimeSpan.FromSeconds(90), "the silo process to report healthy");
        Assert.False(_silo.HasExited, $"the silo exited with {(_silo.HasExited ? _silo.ExitCode : 0)}: {Output}");

        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = clusterId; })
            .UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = ConnectionString; }));
        _client = builder.Build();
        await _client.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        Http.Dispose();
        if (!_silo.HasExited)
        {
            _silo.Kill(entireProcessTree: true);
            await _silo.WaitForExitAsync();
        }

        _silo.Dispose();
        await base.DisposeAsync();
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await Http.GetAsync("/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.WriteLine(line);
            }
        }
    }
}
