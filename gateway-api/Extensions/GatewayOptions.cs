namespace IcpSearch.Gateway.Extensions;

/// <summary>
/// Which cluster the gateway joins as a client, and its request limits.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>Gets or sets the cluster id of the silos (<c>CLUSTER_ID</c>). Default: "icpsearch".</summary>
    public string ClusterId { get; set; } = "icpsearch";

    /// <summary>Gets or sets the service id of the silos (<c>SERVICE_ID</c>). Default: "icpsearch".</summary>
    public string ServiceId { get; set; } = "icpsearch";

    /// <summary>Gets or sets the largest request body accepted, in bytes (<c>MAX_REQUEST_BODY_BYTES</c>); larger bodies get 413. Default: 65,536.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
