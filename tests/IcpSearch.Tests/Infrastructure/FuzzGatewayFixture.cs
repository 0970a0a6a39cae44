namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// The production-configured gateway on a cluster with a small registry, so that the fuzz test's searches and jobs
/// stay cheap whatever the generated input matches; client TTFB reports are not rate-limited into 429s, so the
/// fuzz reaches their validation.
/// </summary>
public sealed class FuzzGatewayFixture : GatewayFixture
{
    protected override int RegistryRows => 300;

    public override Dictionary<string, string?> GatewaySettings()
    {
        var settings = base.GatewaySettings();
        settings["MetricsOptions:TtfbReportsPerMinute"] = "10000";
        return settings;
    }
}
