using System.Globalization;

namespace IcpSearch.Bench;

/// <summary>
/// Reads a benchmark's <c>--name value</c> options; a malformed value stops the run with a message naming the option.
/// </summary>
public static class BenchArgs
{
    /// <summary>Returns the value after <paramref name="name"/>, or <paramref name="fallback"/> when it is absent.</summary>
    public static string Text(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return fallback;
        }

        return at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{name} needs a value.");
    }

    /// <summary>Returns the positive whole number after <paramref name="name"/>, or <paramref name="fallback"/> when it is absent.</summary>
    public static int Int(string[] args, string name, int fallback)
        => Ints(args, name, fallback.ToString(CultureInfo.InvariantCulture))[0];

    /// <summary>Returns the comma-separated positive whole numbers after <paramref name="name"/>, or those of <paramref name="fallback"/>.</summary>
    public static int[] Ints(string[] args, string name, string fallback)
    {
        var text = Text(args, name, fallback);
        var values = text.Split(',');
        return values.All(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            ? values.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : throw new ArgumentException($"{name} must be a positive whole number{(values.Length > 1 ? "s, comma-separated" : "")} (got '{text}').");
    }

    /// <summary>Returns whether the flag <paramref name="name"/> is present.</summary>
    public static bool Flag(string[] args, string name) => args.Contains(name, StringComparer.Ordinal);
}
