using IcpSearch.GrainInterfaces.Industries;
using IcpSearch.Grains.Database;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// Title suggestions from <c>ssic_ref</c> (trigram index), headings before codes.
/// </summary>
public sealed class NpgsqlIndustryCatalog(NpgsqlDataSource dataSource)
{
    private const string SuggestSql = """
        SELECT code, title, level
        FROM ssic_ref
        WHERE version = (SELECT version FROM ssic_versions ORDER BY imported_at DESC, version DESC LIMIT 1)
          AND (lower(title) LIKE @contains OR lower(title) % @text)
        ORDER BY lower(title) LIKE @prefix DESC, level, similarity(lower(title), @text) DESC, code
        LIMIT @limit
        """;

    /// <summary>Returns up to <paramref name="limit"/> headings whose titles contain or resemble <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<IndustrySuggestion>> SuggestAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        var needle = text.Trim().ToLowerInvariant();
        if (needle.Length < 2)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(SuggestSql);
        command.Parameters.AddWithValue("text", needle);
        command.Parameters.AddWithValue("contains", LikePattern.Contains(needle));
        command.Parameters.AddWithValue("prefix", LikePattern.Escape(needle) + "%");
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, 50));

        var suggestions = new List<IndustrySuggestion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            suggestions.Add(new IndustrySuggestion(reader.GetString(0), reader.GetString(1), SsicHierarchy.LevelName(reader.GetInt16(2))));
        }

        return suggestions;
    }
}
