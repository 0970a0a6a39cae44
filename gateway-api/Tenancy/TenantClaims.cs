using System.Security.Claims;
using System.Text.Json;

namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// The token claims that name tenants: <c>tenant_id</c> (the one tenant the token acts for) and <c>tenants</c>
/// (the tenants it may choose between with <c>X-Tenant-ID</c>, as a JSON array, repeated claims, or a JSON array in a string).
/// </summary>
public static class TenantClaims
{
    public const string TenantId = "tenant_id";

    public const string Tenants = "tenants";

    /// <summary>Returns the distinct <c>tenant_id</c> values of the user (normally zero or one).</summary>
    public static IReadOnlyList<string> TenantIds(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(TenantId).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Returns the allowed tenants of the user; a malformed JSON string counts as one literal tenant and so fails validation.</summary>
    public static IReadOnlyList<string> AllowedTenants(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var allowed = new List<string>();
        foreach (var claim in user.FindAll(Tenants))
        {
            var value = claim.Value.Trim();
            if (value.StartsWith('['))
            {
                try
                {
                    allowed.AddRange(JsonSerializer.Deserialize<string[]>(value) ?? []);
                    continue;
                }
                catch (JsonException)
                {
                    // Falls through: the raw text is kept and rejected as a malformed tenant id.
                }
            }

            allowed.Add(value);
        }

        return allowed.Distinct(StringComparer.Ordinal).ToList();
    }
}
