using System.Security.Cryptography;
using System.Text;

namespace IcpSearch.Silo.Dashboard;

/// <summary>
/// Checks a basic-auth user name and password against the configured ones in constant time.
/// </summary>
public sealed class DashboardCredentials(string username, string password)
{
    private readonly byte[] _username = Hash(username);
    private readonly byte[] _password = Hash(password);

    /// <summary>Returns whether both match. Hashing first gives equal lengths, so the comparison leaks neither length nor the first differing byte.</summary>
    public bool Matches(string? username, string? password)
    {
        var userMatches = CryptographicOperations.FixedTimeEquals(Hash(username ?? ""), _username);
        var passwordMatches = CryptographicOperations.FixedTimeEquals(Hash(password ?? ""), _password);
        // Both are always compared, so the time does not tell a right user name from a wrong one.
        return userMatches & passwordMatches;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
