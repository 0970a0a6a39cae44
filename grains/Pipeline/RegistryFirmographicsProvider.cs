using IcpSearch.Grains.Industries;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Derives firmographics from the registry row itself: industry, age, registration, HQ district and a size proxy.
/// </summary>
public sealed class RegistryFirmographicsProvider : IEnrichmentProvider
{
    /// <inheritdoc />
    public string Source => "registry-firmographics";

    /// <inheritdoc />
    public ValueTask EnrichAsync(IReadOnlyList<CompanyDraft> companies, CancellationToken cancellationToken)
    {
        foreach (var company in companies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = company.Source;

            company.IndustryCode = row.PrimarySsicCode ?? row.SecondarySsicCode;
            company.SecondarySsicCode = row.SecondarySsicCode;
            company.Officers = row.NoOfOfficers;
            company.IndustryNorm = SsicHierarchy.IndustryOf(company.IndustryCode);
            company.IncorporationYear = row.IncorporationDate?.Year;
            // The registry knows only the incorporation date; it stands in for the founding year.
            company.FoundedYear = row.IncorporationDate?.Year;
            company.SgRegistered = row.LiveRank == 0;
            company.EntityType = row.EntityType;
            company.EntityStatus = row.EntityStatus;
            company.PostalCode = row.PostalCode;
            company.HqDistrict = PostalDistricts.DistrictOf(row.PostalCode);
            company.HqCity = company.HqDistrict is null ? null : "Singapore";
            company.HqCountry = company.HqDistrict is null ? null : "SG";
            (company.SizeBand, company.EmployeesEst) = SizeFromOfficers(row.NoOfOfficers);

            if (company.IndustryCode is null)
            {
                company.MarkDegraded($"{Source}: the registry row has no SSIC code");
            }
        }

        return ValueTask.CompletedTask;
    }

    // Officers are the only size signal in the registry; the bands are deliberately coarse and the headcount a proxy.
    private static (string? Band, int? Employees) SizeFromOfficers(int? officers) => officers switch
    {
        null or <= 0 => (null, null),
        <= 2 => ("micro", 5),
        <= 5 => ("small", 20),
        <= 20 => ("medium", 100),
        _ => ("large", 250),
    };
}
