using System.Text.RegularExpressions;

namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// The shape every tenant id must have: 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit.
/// </summary>
public static partial class TenantIds
{
    /// <summary>Returns whether <paramref name="tenantId"/> is well formed.</summary>
    public static bool IsValid(string? tenantId) => tenantId is not null && Pattern().IsMatch(tenantId);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
