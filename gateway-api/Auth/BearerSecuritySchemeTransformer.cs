using IcpSearch.Gateway.Tenancy;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace IcpSearch.Gateway.Auth;

/// <summary>
/// Describes the bearer token (and the X-Tenant-ID rules) in the OpenAPI document when authentication is on.
/// </summary>
public sealed class BearerSecuritySchemeTransformer(IOptions<AuthOptions> auth) : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!auth.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = $"A JWT whose tenant_id claim names the tenant. Without tenant_id, {TenantResolutionMiddleware.HeaderName} names it " +
                "(and must be one of the tenants claim when present). A header contradicting tenant_id is a 403 tenant_mismatch. " +
                "With REQUIRE_TENANT_CLAIM=true, a token without tenant_id or tenants is a 403.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
