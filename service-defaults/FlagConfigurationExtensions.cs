using System.Collections;
using System.Globalization;

namespace IcpSearch.ServiceDefaults;

/// <summary>
/// Maps flat environment variables onto options sections, checking each value's shape first.
/// </summary>
public static class FlagConfigurationExtensions
{
    /// <summary>Adds the set flags as configuration (after every other source, so they win).</summary>
    /// <exception cref="FlagException">A flag holds a value of the wrong shape; the message names it.</exception>
    public static IConfigurationBuilder AddFlags(this IConfigurationBuilder builder, IEnumerable<Flag> flags, IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var flag in flags)
        {
            if (environment[flag.Name] is not string raw || raw.Length == 0)
            {
                continue;
            }

            var shown = flag.Secret ? "(hidden)" : $"'{raw}'";
            var value = raw.Trim();
            switch (flag.Kind)
            {
                case FlagKind.Integer when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                    problems.Add($"{flag.Name} must be a whole number (got {shown}).");
                    break;
                case FlagKind.Milliseconds when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || ms < 0:
                    problems.Add($"{flag.Name} must be a whole number of milliseconds (got {shown}).");
                    break;
                case FlagKind.Milliseconds:
                    values[flag.ConfigurationKey] = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture);
                    break;
                case FlagKind.Boolean when ParseBoolean(value) is not { } flagValue:
                    problems.Add($"{flag.Name} must be true or false (got {shown}).");
                    break;
                case FlagKind.Boolean:
                    values[flag.ConfigurationKey] = ParseBoolean(value)!.Value ? "true" : "false";
                    break;
                default:
                    values[flag.ConfigurationKey] = value;
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new FlagException(string.Join(Environment.NewLine, problems));
        }

        return builder.AddInMemoryCollection(values);
    }

    private static bool? ParseBoolean(string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };
}
