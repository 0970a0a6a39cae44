using CsvHelper;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints;

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

    /// <summary>Creates a writer on the response body and writes the header row.</summary>
    public static CsvWriter Begin(Stream body)
    {
        var writer = CsvWriter.Create(body, Options, leaveOpen: true);
        writer.WriteHeader(Header);
        return writer;
    }

    /// <summary>Writes one lead as a record.</summary>
    public static async Task WriteAsync(CsvWriter writer, LeadRow lead, CancellationToken cancellationToken)
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
