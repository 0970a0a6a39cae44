using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Search.Understanding;

/// <summary>
/// Turns the filters a message states into the row filters of a <see cref="MatchSpec"/>.
/// </summary>
public static class MatchFiltersMapping
{
    /// <summary>
    /// Returns the row filters of <paramref name="filters"/>; ages become incorporation dates as of <paramref name="today"/>,
    /// intersected with any dates stated.
    /// </summary>
    public static MatchFilters ToMatchFilters(SearchFilters filters, DateOnly today)
    {
        var from = filters.Incorporated?.From;
        var to = filters.Incorporated?.To;
        if (filters.AgeYears?.Max is { } younger)
        {
            // Less than N years old: incorporated after this day N years ago.
            var since = today.AddYears(-younger).AddDays(1);
            from = from is { } f && f > since ? f : since;
        }

        if (filters.AgeYears?.Min is { } older)
        {
            var until = today.AddYears(-older);
            to = to is { } t && t < until ? t : until;
        }

        var statuses = filters.Statuses;
        return new MatchFilters(
            filters.Districts,
            filters.Officers?.Min,
            filters.Officers?.Max,
            from,
            to,
            filters.EntityTypes,
            LiveOnly: statuses is ["live"],
            InactiveOnly: statuses is ["inactive"]);
    }
}
