using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace IcpSearch.GrainInterfaces.ApiKeys;

/// <summary>
/// The shape of an API key: <c>icp_&lt;id&gt;_&lt;secret&gt;</c>, a public 16-hex-digit id that finds the stored row and
/// a 256-bit random secret of which only the SHA-256 is stored.
/// </summary>
/// <remarks>
/// The secret has full entropy, so a plain SHA-256 (no salt, no slow hash) cannot be reversed by guessing; the id
/// lets the lookup be an exact key match, and the hashes are then compared in constant time.
/// </remarks>
public static class ApiKeyFormat
{
    /// <summary>The prefix of every key.</summary>
    public const string Prefix = "icp_";

    private const int IdHexLength = 16;
    private const int SecretBytes = 32;

    /// <summary>Returns a new random key, its id and the hash to store.</summary>
    public static (string Key, string KeyId, byte[] SecretHash) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdHexLength / 2));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{keyId}_{secret}", keyId, Hash(secret));
    }

    /// <summary>Splits a presented key into its id and secret; false when it does not have the shape of a key.</summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out string? keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = null;
        secret = null;
        if (key is null || key.Length > 200 || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != IdHexLength || rest.Length <= separator + 1 || !IsLowerHex(rest[..separator]))
        {
            return false;
        }

        keyId = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    /// <summary>Returns the SHA-256 of a secret (UTF-8).</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Returns whether two hashes are equal, in time independent of where they differ.</summary>
    public static bool HashesEqual(byte[] stored, byte[] presented) => CryptographicOperations.FixedTimeEquals(stored, presented);

    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
