namespace IcpSearch.Silo.Extensions;

/// <summary>
/// Where this silo listens and which cluster it joins.
/// </summary>
public sealed class SiloOptions
{
    /// <summary>Gets or sets the cluster id shared by silos and clients (<c>CLUSTER_ID</c>). Default: "icpsearch".</summary>
    public string ClusterId { get; set; } = "icpsearch";

    /// <summary>Gets or sets the service id that keys reminders and grain state (<c>SERVICE_ID</c>). Default: "icpsearch".</summary>
    public string ServiceId { get; set; } = "icpsearch";

    /// <summary>Gets or sets the silo-to-silo port (<c>SILO_PORT</c>). Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Gets or sets the client gateway port (<c>SILO_GATEWAY_PORT</c>). Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Gets or sets the address other silos and clients reach this silo at (<c>SILO_ADVERTISED_IP</c>). Default: 127.0.0.1.</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";
}
