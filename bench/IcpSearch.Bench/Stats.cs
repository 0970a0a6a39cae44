namespace IcpSearch.Bench;

/// <summary>
/// Percentiles and the machine line every benchmark prints.
/// </summary>
public static class Stats
{
    /// <summary>Returns the nearest-rank percentile (0 &lt; p &lt;= 100) of the samples.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Returns a line describing the machine the figures come from.</summary>
    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"machine: {Environment.ProcessorCount} cores, {cpu ?? "unknown CPU"}, {Environment.OSVersion}, .NET {Environment.Version}";
    }
}
