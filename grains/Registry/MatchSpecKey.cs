using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// A stable hash of the staging rows a spec covers: the same codes (in any order) and the same filters give the same key.
/// </summary>
public static class MatchSpecKey
{
    /// <summary>Returns the key of <paramref name="match"/>, less the rows <paramref name="skipUens"/> when given.</summary>
    public static string Compute(MatchSpec match, IReadOnlyList<string>? skipUens = null)
    {
        var text = new StringBuilder().AppendJoin(',', match.Codes.Order(StringComparer.Ordinal));
        if (match.Filters is { IsNone: false } f)
        {
            // Unfiltered specs keep the keys they always had; every filter value is written, present or not.
            text.Append("|f:")
                .AppendJoin(',', f.Districts.Order(StringComparer.Ordinal)).Append(';')
                .Append(f.MinOfficers).Append('-').Append(f.MaxOfficers).Append(';')
                .Append(f.IncorporatedFrom?.ToString("O", CultureInfo.InvariantCulture)).Append('-')
                .Append(f.IncorporatedTo?.ToString("O", CultureInfo.InvariantCulture)).Append(';')
                .AppendJoin(',', f.EntityTypes.Order(StringComparer.Ordinal)).Append(';')
                .Append(f.LiveOnly ? "live" : f.InactiveOnly ? "inactive" : "any");
        }

        if (skipUens is { Count: > 0 })
        {
            text.Append('|').AppendJoin(',', skipUens.Order(StringComparer.Ordinal));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
