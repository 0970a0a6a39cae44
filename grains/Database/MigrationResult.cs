namespace IcpSearch.Grains.Database;

/// <summary>
/// What a migration run applied.
/// </summary>
/// <param name="Applied">The names of the scripts applied by this run, in order.</param>
public sealed record MigrationResult(IReadOnlyList<string> Applied);
