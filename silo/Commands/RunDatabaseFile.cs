namespace IcpSearch.Silo.Commands;

/// <summary>
/// The connection string ./run.sh leaves in <c>.data/icpsearch-db</c> (mode 600), so the commands reach the database
/// it started when <c>ICPSEARCH_DB</c> is not set.
/// </summary>
public static class RunDatabaseFile
{
    /// <summary>The file's path relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine(".data", "icpsearch-db");

    /// <summary>Returns the first file found in the given folders or their parents, or null.</summary>
    public static string? Find(params string[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Returns the connection string in <paramref name="path"/>, or null when the file is empty.</summary>
    public static string? Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        return text.Length == 0 ? null : text;
    }
}
