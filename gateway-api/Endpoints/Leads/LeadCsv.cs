using CsvHelper;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints.Leads;

/// <summary>
/// The CSV form of leads: RFC 4180 (CRLF, quotes only where needed, inner quotes doubled), the JSON field names as
/// the header row, and fields a spreadsheet would run as a formula escaped with a leading apostrophe.
/// </summary>
public static class LeadCsv
{
    /// <summary>The header row, in the order of the JSON lead's fields.</summary>
    public static readonly string[] Header =
    [
        "company_id", "uen", "name", "industry", "industry_code", "score", "bucket", "rationale", "scored_at",
        "incorporation_year", "size_band", "hq_district", "entity_status", "enrichment_status", "website_domain",
    ];

    /// <summary>The writer options: RFC 4180 defaults, plus CSV-injection escaping because exports are opened in spreadsheets.</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    /// <summary>Sets the status and content type of a CSV response.</summary>
    public static void StartResponse(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = LeadPaging.CsvMediaType + "; charset=utf-8";
    }

    /// <summary>Declares the CSV response in the endpoint's OpenAPI metadata.</summary>
    public static void AddMetadata(EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [LeadPaging.CsvMediaType]));
    }

    /// <summary>Creates a writer on the response body and writes the header row.</summary>
    public static CsvWriter Begin(Stream body)
    {
        var writer = CsvWriter.Create(body, Options, leaveOpen: true);
        writer.WriteHeader(Header);
        return writer;
    }

    /// <summary>Writes the leads as records and flushes them to the client.</summary>
    public static async Task WritePageAsync(CsvWriter writer, IReadOnlyList<LeadRow> leads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(leads);
        foreach (var lead in leads)
        {
            await WriteAsync(writer, lead, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Writes one lead as a record.</summary>
    private static async Task WriteAsync(CsvWriter writer, LeadRow lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lead);
        writer.WriteField(lead.CompanyId, default);
        writer.WriteField(lead.Uen);
        writer.WriteField(lead.Name);
        writer.WriteField(lead.Industry);
        writer.WriteField(lead.IndustryCode);
        writer.WriteField(lead.Score, default);
        writer.WriteField(lead.Bucket);
        writer.WriteField(lead.Rationale);
        writer.WriteField(lead.ScoredAt, default);
        writer.WriteField(lead.IncorporationYear, default);
        writer.WriteField(lead.SizeBand);
        writer.WriteField(lead.HqDistrict);
        writer.WriteField(lead.EntityStatus);
        writer.WriteField(lead.EnrichmentStatus);
        writer.WriteField(lead.WebsiteDomain);
        await writer.EndRecordAsync(cancellationToken);
    }
}
