using System.Reflection;
using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Leads;
using Microsoft.AspNetCore.Http.Metadata;

namespace IcpSearch.Gateway.Endpoints.Leads;

/// <summary>
/// A whole result set as a CSV download, fetched and written one keyset page at a time so memory stays flat
/// whatever the size; each page is flushed to the client before the next is read.
/// </summary>
/// <param name="fileName">The download's file name (letters, digits, '-', '.').</param>
/// <param name="fetch">Returns the page after a cursor (null for the first).</param>
public sealed class CsvExportResult(string fileName, Func<KeysetCursor?, Task<Page<LeadRow>>> fetch) : IResult, IEndpointMetadataProvider
{
    /// <summary>The rows fetched per round trip: the largest page the store serves.</summary>
    public const int ChunkSize = PageLimits.Max;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // The first page is read before anything is sent, so a failure there is still an ordinary problem response.
        var page = await fetch(null);
        var response = httpContext.Response;
        LeadCsv.StartResponse(response);
        response.Headers.ContentDisposition = $"attachment; filename={fileName}";
        response.Headers.CacheControl = "no-store";

        await using var csv = LeadCsv.Begin(response.Body);
        while (true)
        {
            await LeadCsv.WritePageAsync(csv, page.Items, httpContext.RequestAborted);
            if (page.NextCursor is null)
            {
                break;
            }

            page = await fetch(KeysetCursor.TryParse(page.NextCursor, out var cursor)
                ? cursor
                : throw new InvalidOperationException($"The store returned a malformed cursor '{page.NextCursor}'."));
        }
    }

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => LeadCsv.AddMetadata(builder);
}
