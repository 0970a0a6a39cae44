using System.Globalization;
using System.Text.RegularExpressions;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Reads Prometheus text exposition: samples by metric name and a subset of their labels.
/// </summary>
public static partial class PrometheusText
{
    /// <summary>Returns every sample as (name, labels, value).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> Samples(string exposition)
    {
        var samples = new List<(string, IReadOnlyDictionary<string, string>, double)>();
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["k"].Value, m => m.Groups["v"].Value);
            var raw = match.Groups["value"].Value;
            var value = raw switch { "+Inf" => double.PositiveInfinity, "-Inf" => double.NegativeInfinity, _ => double.Parse(raw, CultureInfo.InvariantCulture) };
            samples.Add((match.Groups["name"].Value, labels, value));
        }

        return samples;
    }

    /// <summary>Returns the names of the exported series (histograms as their _bucket, _sum and _count series).</summary>
    public static HashSet<string> Names(string exposition) => Samples(exposition).Select(s => s.Name).ToHashSet();

    /// <summary>Returns the sum of the samples named <paramref name="name"/> carrying every label in <paramref name="labels"/>; fails when there is none.</summary>
    public static double Sum(string exposition, string name, params (string Key, string Value)[] labels)
    {
        var samples = Samples(exposition);
        var matching = samples
            .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .ToList();
        Assert.True(matching.Count > 0, $"{name}{{{string.Join(",", labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} is not exported; exported: {string.Join(", ", samples.Select(s => s.Name).Distinct())}");
        return matching.Sum(s => s.Value);
    }

    /// <summary>Returns the sum of the matching samples, or zero when none is exported (a histogram before its first observation).</summary>
    public static double SumOrZero(string exposition, string name, params (string Key, string Value)[] labels)
        => Samples(exposition).Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[^ ]+)( [0-9]+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<k>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<v>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
