using IcpSearch.Grains.Industries;

namespace IcpSearch.Grains.Search.Understanding;

/// <summary>
/// Resolves a message's industry phrases less its exclusions ("manufacturing except food"): the one reading the chat
/// and the evaluation share.
/// </summary>
public static class IndustryExclusions
{
    /// <summary>
    /// Returns the codes of <paramref name="included"/> that the <paramref name="exclude"/> phrases take out.
    /// </summary>
    /// <remarks>
    /// An exclusion is read within the industry it narrows: "manufacturing except food" takes out the manufacture of
    /// food, not restaurants. A phrase whose own codes miss the included ones is resolved again with each industry. A
    /// phrase that would take out every included code is left out.
    /// </remarks>
    public static async Task<HashSet<string>> ExcludedCodesAsync(
        IIndustryResolver resolver,
        IReadOnlyList<string> industries,
        IReadOnlyList<string> exclude,
        IReadOnlyList<string> included,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (exclude.Count == 0)
        {
            return codes;
        }

        var inside = included.ToHashSet(StringComparer.Ordinal);
        foreach (var phrase in exclude)
        {
            var own = (await resolver.ResolveAsync([phrase], cancellationToken)).Codes.Where(inside.Contains).ToList();
            if (own.Count == 0)
            {
                own = [.. (await resolver.ResolveAsync([.. industries.Select(i => $"{i} {phrase}")], cancellationToken)).Codes.Where(inside.Contains)];
            }

            // An exclusion that would take out the whole industry ("wholesale trade except food", where "wholesale
            // trade food" resolves back to all of section G) is not what the message means: it narrows nothing.
            if (own.Count < inside.Count)
            {
                codes.UnionWith(own);
            }
        }

        return codes;
    }
}
