using System.Security.Cryptography;
using System.Text;
using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// A stable hash of the staging rows a spec covers: the same codes (in any order) give the same key.
/// </summary>
public static class MatchSpecKey
{
    /// <summary>Returns the key of <paramref name="match"/>, less the rows <paramref name="skipUens"/> when given.</summary>
    public static string Compute(MatchSpec match, IReadOnlyList<string>? skipUens = null)
    {
        var text = new StringBuilder().AppendJoin(',', match.Codes.Order(StringComparer.Ordinal));
        if (skipUens is { Count: > 0 })
        {
            text.Append('|').AppendJoin(',', skipUens.Order(StringComparer.Ordinal));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
