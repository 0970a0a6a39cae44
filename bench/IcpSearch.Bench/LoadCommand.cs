namespace IcpSearch.Bench;

/// <summary>
/// Not a measurement: creates a migrated database with N demo registry rows for manual investigation (EXPLAIN, psql).
/// </summary>
public sealed class LoadCommand : IBenchmark
{
    public string Name => "load";

    public string Description => "create a database with N demo rows and leave it (--rows 100000 --db bench_manual); for investigations";

    public async Task<int> RunAsync(string[] args)
    {
        var rows = BenchArgs.Int(args, "--rows", 100_000);
        var db = BenchArgs.Text(args, "--db", "bench_manual");
        var connectionString = await BenchDatabase.CreateAsync(db);
        await BenchRegistry.LoadAsync(connectionString, rows);
        Console.WriteLine($"loaded {rows:N0} rows into {db}");
        return 0;
    }
}
