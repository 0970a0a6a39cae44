using System.Text;

namespace IcpSearch.Grains.Import;

/// <summary>
/// Header matching for CSV imports: case, spaces and punctuation do not matter ("SSIC 2020 Title" = "ssic_2020_title").
/// </summary>
public static class CsvHeaders
{
    /// <summary>Returns the header reduced to lower-case letters and digits joined by single underscores.</summary>
    public static string Normalise(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().TrimEnd('_');
    }
}
