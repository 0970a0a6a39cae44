namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// The metrics the gateway aggregates for the console and how much client telemetry it accepts.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>Gets or sets the window of rates, percentiles and series in minutes (<c>METRICS_WINDOW_MINUTES</c>), 1 to 1,440. Default: 15.</summary>
    public int WindowMinutes { get; set; } = 15;

    /// <summary>Gets or sets how many client TTFB reports one tenant (or IP) may post per minute (<c>TTFB_REPORTS_PER_MINUTE</c>), 1 to 10,000. Default: 60.</summary>
    public int TtfbReportsPerMinute { get; set; } = 60;
}
