using System.Text;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// The row predicate of a spec's filters, shared by the count, the head and the batches, so every reader of a spec
/// sees the same rows.
/// </summary>
/// <remarks>
/// The predicate is put together from fixed fragments, one per filter present; values only ever travel as parameters.
/// A filter left out is left out of the text too (rather than "@x IS NULL OR …"), so an auto-prepared statement's
/// generic plan never has to serve a filter it does not apply.
/// </remarks>
public static class MatchFilterSql
{
    /// <summary>Returns " AND …" for the filters present, or "" for none.</summary>
    public static string Predicate(MatchFilters? filters)
    {
        if (filters is null || filters.IsNone)
        {
            return "";
        }

        var sql = new StringBuilder();
        if (filters.LiveOnly)
        {
            sql.Append(" AND live_rank = 0");
        }
        else if (filters.InactiveOnly)
        {
            sql.Append(" AND live_rank = 1");
        }

        if (filters.Districts.Count > 0)
        {
            // Five-digit codes lost their leading zero in a spreadsheet (see PostalDistricts).
            sql.Append(" AND left(lpad(postal_code, 6, '0'), 2) = ANY(@sectors)");
        }

        if (filters.MinOfficers is not null)
        {
            sql.Append(" AND no_of_officers >= @min_officers");
        }

        if (filters.MaxOfficers is not null)
        {
            sql.Append(" AND no_of_officers <= @max_officers");
        }

        if (filters.IncorporatedFrom is not null)
        {
            sql.Append(" AND registration_incorporation_date >= @incorporated_from");
        }

        if (filters.IncorporatedTo is not null)
        {
            sql.Append(" AND registration_incorporation_date <= @incorporated_to");
        }

        if (filters.EntityTypes.Count > 0)
        {
            sql.Append(" AND lower(entity_type_description) = ANY(@entity_types)");
        }

        return sql.ToString();
    }

    /// <summary>Adds the parameters <see cref="Predicate"/> names.</summary>
    public static void AddParameters(NpgsqlParameterCollection parameters, MatchFilters? filters)
    {
        if (filters is null || filters.IsNone)
        {
            return;
        }

        if (filters.Districts.Count > 0)
        {
            var sectors = filters.Districts.SelectMany(d => int.TryParse(d, out var n) ? PostalDistricts.SectorsOf(n) : []).Distinct().ToArray();
            parameters.Add(new NpgsqlParameter<string[]>("sectors", sectors));
        }

        if (filters.MinOfficers is { } min)
        {
            parameters.Add(new NpgsqlParameter<int>("min_officers", min));
        }

        if (filters.MaxOfficers is { } max)
        {
            parameters.Add(new NpgsqlParameter<int>("max_officers", max));
        }

        if (filters.IncorporatedFrom is { } from)
        {
            parameters.Add(new NpgsqlParameter<DateOnly>("incorporated_from", from));
        }

        if (filters.IncorporatedTo is { } to)
        {
            parameters.Add(new NpgsqlParameter<DateOnly>("incorporated_to", to));
        }

        if (filters.EntityTypes.Count > 0)
        {
            parameters.Add(new NpgsqlParameter<string[]>("entity_types", EntityTypeDescriptions.For(filters.EntityTypes)));
        }
    }
}
