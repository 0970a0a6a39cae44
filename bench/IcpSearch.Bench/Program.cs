using System.Reflection;
using IcpSearch.Bench;

// Every IBenchmark in this assembly is a subcommand: add a benchmark by adding a class, nothing else.
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.Error.WriteLine("usage: bench/run.sh <benchmark> [options]");
    foreach (var b in benchmarks)
    {
        Console.Error.WriteLine($"  {b.Name,-12} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

Console.WriteLine(Stats.Machine());
try
{
    return await chosen.RunAsync(args[1..]);
}
catch (ArgumentException bad)
{
    Console.Error.WriteLine($"{chosen.Name}: {bad.Message}");
    return 2;
}
