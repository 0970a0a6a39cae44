using IcpSearch.Grains.Registry;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// What an ICP score looks at, as the registry states it: the same values the SQL pre-score reads from the staging row
/// (see <see cref="IcpScoreModel"/>) and the re-scoring job reads back from <c>companies</c>.
/// </summary>
/// <param name="IndustryCode">The primary SSIC code, or the secondary one when there is no primary.</param>
/// <param name="SecondaryCode">The secondary SSIC code, or null.</param>
/// <param name="Status">The entity status as written in the registry.</param>
/// <param name="Live">Whether the registry counts the entity as live.</param>
/// <param name="IncorporationYear">The year of incorporation, or null.</param>
/// <param name="Officers">The number of officers, or null.</param>
/// <param name="EntityType">The entity type as written in the registry.</param>
/// <param name="PostalCode">The postal code as written in the registry.</param>
public sealed record ScoreFacts(
    string? IndustryCode,
    string? SecondaryCode,
    string? Status,
    bool Live,
    int? IncorporationYear,
    int? Officers,
    string? EntityType,
    string? PostalCode)
{
    /// <summary>Returns the facts of a staging row.</summary>
    public static ScoreFacts From(RegistryRow row) => new(
        row.PrimarySsicCode ?? row.SecondarySsicCode,
        row.SecondarySsicCode,
        row.EntityStatus,
        row.LiveRank == 0,
        row.IncorporationDate?.Year,
        row.NoOfOfficers,
        row.EntityType,
        row.PostalCode);
}
