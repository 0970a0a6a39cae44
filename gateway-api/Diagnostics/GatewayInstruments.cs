using System.Diagnostics.Metrics;

namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// The gateway's instruments (meter <c>IcpSearch.Gateway</c>): chat latency as the server measures it.
/// </summary>
public sealed class GatewayInstruments
{
    /// <summary>The meter name exported at <c>/metrics</c>.</summary>
    public const string MeterName = "IcpSearch.Gateway";

    private readonly Histogram<double> _chatTtfb;
    private readonly Histogram<double> _chatDuration;

    public GatewayInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _chatTtfb = meter.CreateHistogram<double>("icpsearch.chat.ttfb", "ms", "Server-measured time from receiving a chat request to its first response byte.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 25, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000] });
        _chatDuration = meter.CreateHistogram<double>("icpsearch.chat.duration", "ms", "Server-measured time to answer a chat request completely.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 25, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000] });
    }

    public void OnChatAnswered(TimeSpan timeToFirstByte, TimeSpan total, int status)
    {
        var tag = new KeyValuePair<string, object?>("status", status);
        _chatTtfb.Record(timeToFirstByte.TotalMilliseconds, tag);
        _chatDuration.Record(total.TotalMilliseconds, tag);
    }
}
