namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// A sliding window of timed samples (e.g. TTFB in milliseconds) with nearest-rank percentiles, overall and per
/// minute. Thread-safe; memory is bounded by <c>maxSamples</c> (the oldest are dropped first).
/// </summary>
public sealed class LatencyWindow
{
    private readonly Queue<(DateTimeOffset At, double Value)> _samples = new();
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly int _maxSamples;
    private readonly Lock _lock = new();

    public LatencyWindow(TimeSpan window, TimeProvider time, int maxSamples = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMinutes(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 1);
        _window = window;
        _time = time;
        _maxSamples = maxSamples;
    }

    /// <summary>Gets the length of the window.</summary>
    public TimeSpan Window => _window;

    /// <summary>Gets the number of samples inside the window now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                Expire(_time.GetUtcNow());
                return _samples.Count;
            }
        }
    }

    /// <summary>Adds a sample observed now.</summary>
    public void Add(double value)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Expire(now);
            if (_samples.Count == _maxSamples)
            {
                _samples.Dequeue();
            }

            _samples.Enqueue((now, value));
        }
    }

    /// <summary>Returns the nearest-rank <paramref name="percentile"/> (0 &lt; p ≤ 100) of the samples in the window, or null when it is empty.</summary>
    public double? Percentile(double percentile)
    {
        lock (_lock)
        {
            Expire(_time.GetUtcNow());
            return NearestRank(_samples.Select(s => s.Value).ToArray(), percentile);
        }
    }

    /// <summary>
    /// Returns one point per whole minute of the window, oldest first, ending with the current minute: the
    /// nearest-rank percentile of that minute's samples, or null for a minute without samples.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset At, double? Value)> PerMinute(double percentile)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Expire(now);
            var byMinute = _samples.GroupBy(s => MinuteOf(s.At)).ToDictionary(g => g.Key, g => g.Select(s => s.Value).ToArray());
            var minutes = (int)Math.Ceiling(_window.TotalMinutes);
            var current = MinuteOf(now);
            return Enumerable.Range(0, minutes)
                .Select(i => current.AddMinutes(i - minutes + 1))
                .Select(m => (m, byMinute.TryGetValue(m, out var values) ? NearestRank(values, percentile) : null))
                .ToList();
        }
    }

    /// <summary>Returns the nearest-rank percentile: the smallest sample with at least p% of the samples at or below it.</summary>
    public static double? NearestRank(double[] values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (values.Length == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>Returns the start of the UTC minute containing <paramref name="at"/>.</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    // A sample stays while it is younger than the window: at exactly now - window it has expired.
    private void Expire(DateTimeOffset now)
    {
        var cutoff = now - _window;
        while (_samples.Count > 0 && _samples.Peek().At <= cutoff)
        {
            _samples.Dequeue();
        }
    }
}
