using System.Reflection;
using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Leads;
using Microsoft.AspNetCore.Http.Metadata;

namespace IcpSearch.Gateway.Endpoints.Leads;

/// <summary>
/// One keyset page of leads as CSV, with the next page's cursor in the <c>X-Next-Cursor</c> header (absent on the last page).
/// </summary>
public sealed class CsvPageResult(Page<LeadRow> page) : IResult, IEndpointMetadataProvider
{
    /// <summary>The response header carrying the cursor of the next page.</summary>
    public const string NextCursorHeader = "X-Next-Cursor";

    /// <summary>Gets the page.</summary>
    public Page<LeadRow> Page { get; } = page;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        LeadCsv.StartResponse(response);
        response.Headers.Vary = "Accept";
        if (Page.NextCursor is not null)
        {
            response.Headers[NextCursorHeader] = Page.NextCursor;
        }

        await using var csv = LeadCsv.Begin(response.Body);
        await LeadCsv.WritePageAsync(csv, Page.Items, httpContext.RequestAborted);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => LeadCsv.AddMetadata(builder);
}
