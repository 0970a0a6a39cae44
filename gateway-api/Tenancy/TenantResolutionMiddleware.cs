using IcpSearch.Gateway.Errors;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// Resolves the request's tenant for endpoints marked <see cref="RequiresTenantMetadata"/> (after authentication) by
/// <see cref="TenantResolver"/>'s rules; a refused request gets a 400 or 403 problem and never reaches the endpoint.
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

        var headers = context.Request.Headers[HeaderName];
        if (headers.Count > 1)
        {
            await Problems.Invalid(HeaderName, $"Send one {HeaderName} header.").ExecuteAsync(context);
            return;
        }

        var resolution = TenantResolver.Resolve(context.User, headers.ToString(), options.Value);
        if (resolution.TenantId is null)
        {
            var field = resolution.Code == ProblemCodes.ValidationFailed ? HeaderName : null;
            var title = resolution.Status == StatusCodes.Status403Forbidden ? "This tenant is not allowed." : "No usable tenant.";
            await Problems.Create(resolution.Status, resolution.Code!, title, resolution.Detail, field).ExecuteAsync(context);
            return;
        }

        context.Items[HttpTenantContext.ItemKey] = resolution.TenantId;
        await next(context);
    }
}
