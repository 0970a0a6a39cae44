using IcpSearch.Gateway.Errors;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// Resolves the request's tenant for endpoints marked <see cref="RequiresTenantMetadata"/>: the <c>X-Tenant-ID</c>
/// header, else the configured default tenant; a malformed or missing tenant is a 400 problem.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenantOptions> options)
{
    public const string HeaderName = "X-Tenant-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresTenantMetadata>() is null)
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers[HeaderName].ToString();
        var tenant = string.IsNullOrEmpty(header) ? options.Value.DefaultTenant : header;
        if (string.IsNullOrEmpty(tenant))
        {
            await Problems.Create(StatusCodes.Status400BadRequest, ProblemCodes.TenantRequired, "No tenant.",
                $"Send the {HeaderName} header.").ExecuteAsync(context);
            return;
        }

        if (!TenantIds.IsValid(tenant))
        {
            await Problems.Invalid(HeaderName, "A tenant id is 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit.").ExecuteAsync(context);
            return;
        }

        context.Items[HttpTenantContext.ItemKey] = tenant;
        await next(context);
    }
}
