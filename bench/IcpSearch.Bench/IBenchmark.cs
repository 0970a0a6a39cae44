namespace IcpSearch.Bench;

/// <summary>
/// A benchmark program: runs against the PostgreSQL server given by <see cref="BenchDatabase"/> and prints its figures.
/// </summary>
public interface IBenchmark
{
    /// <summary>Gets the name used on the command line, e.g. "jobs".</summary>
    string Name { get; }

    /// <summary>Gets a one-line description for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark with the remaining arguments; returns the exit code.</summary>
    Task<int> RunAsync(string[] args);
}
