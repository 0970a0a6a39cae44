using System.Security.Claims;
using IcpSearch.Gateway.Errors;

namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// The tenant rules: the token's <c>tenant_id</c> wins and a contradicting <c>X-Tenant-ID</c> is refused; a token with a
/// <c>tenants</c> list lets the header choose among them; a token without tenant claims (or no token, with auth off)
/// takes the header, then the development default tenant, unless <see cref="TenantOptions.RequireTenantClaim"/> refuses
/// such a token.
/// </summary>
public static class TenantResolver
{
    public static TenantResolution Resolve(ClaimsPrincipal user, string? header, TenantOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        var hasHeader = !string.IsNullOrEmpty(header);
        if (hasHeader && !TenantIds.IsValid(header))
        {
            return TenantResolution.Refused(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
                $"{TenantResolutionMiddleware.HeaderName} must be 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit.");
        }

        var claimed = TenantClaims.TenantIds(user);
        if (claimed.Count > 1 || (claimed.Count == 1 && !TenantIds.IsValid(claimed[0])))
        {
            return TenantResolution.Refused(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden,
                "The token's tenant_id claim is malformed or ambiguous.");
        }

        if (claimed.Count == 1)
        {
            return hasHeader && !string.Equals(header, claimed[0], StringComparison.Ordinal)
                ? TenantResolution.Refused(StatusCodes.Status403Forbidden, ProblemCodes.TenantMismatch,
                    $"{TenantResolutionMiddleware.HeaderName} names a different tenant than the token's tenant_id claim.")
                : TenantResolution.Resolved(claimed[0]);
        }

        var allowed = TenantClaims.AllowedTenants(user);
        if (allowed.Count > 0)
        {
            if (hasHeader)
            {
                return allowed.Contains(header!, StringComparer.Ordinal)
                    ? TenantResolution.Resolved(header!)
                    : TenantResolution.Refused(StatusCodes.Status403Forbidden, ProblemCodes.TenantMismatch,
                        $"{TenantResolutionMiddleware.HeaderName} is not one of the tenants the token allows.");
            }

            if (allowed.Count == 1 && TenantIds.IsValid(allowed[0]))
            {
                return TenantResolution.Resolved(allowed[0]);
            }

            return TenantResolution.Refused(StatusCodes.Status400BadRequest, ProblemCodes.TenantRequired,
                $"The token allows several tenants: choose one with the {TenantResolutionMiddleware.HeaderName} header.");
        }

        if (options.RequireTenantClaim && user.Identity?.IsAuthenticated == true)
        {
            return TenantResolution.Refused(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden,
                "The token names no tenant: this gateway requires a tenant_id or tenants claim (REQUIRE_TENANT_CLAIM=true).");
        }

        if (hasHeader)
        {
            return TenantResolution.Resolved(header!);
        }

        var defaultTenant = options.DefaultTenant;
        return string.IsNullOrEmpty(defaultTenant)
            ? TenantResolution.Refused(StatusCodes.Status400BadRequest, ProblemCodes.TenantRequired,
                $"No tenant: use a token with a tenant_id claim or send the {TenantResolutionMiddleware.HeaderName} header.")
            : TenantResolution.Resolved(defaultTenant);
    }
}
