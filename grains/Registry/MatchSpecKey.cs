using System.Security.Cryptography;
using System.Text;
using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// A stable hash of the staging rows a spec covers: the same codes (in any order) give the same key.
/// </summary>
public static class MatchSpecKey
{
    /// <summary>Returns the key of <paramref name="match"/>, starting after <paramref name="startAfter"/> when given.</summary>
    public static string Compute(MatchSpec match, MatchCursor? startAfter = null)
    {
        var text = new StringBuilder().AppendJoin(',', match.Codes.Order(StringComparer.Ordinal));
        if (startAfter is not null)
        {
            text.Append('|').Append(startAfter.LiveRank).Append(':').Append(startAfter.Uen);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
