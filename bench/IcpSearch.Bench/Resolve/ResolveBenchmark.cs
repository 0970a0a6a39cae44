using System.Diagnostics;
using System.Globalization;
using IcpSearch.Grains.Import;
using IcpSearch.Grains.Industries;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IcpSearch.Bench.Resolve;

/// <summary>
/// Industry resolution on the labelled set (<c>data/eval/industry-queries.json</c>) for each embedding model:
/// per-query precision and recall, the macro figures per category, and cold resolution latency (cache miss,
/// embedding included).
/// </summary>
public sealed class ResolveBenchmark : IBenchmark
{
    public string Name => "resolve";

    public string Description => "industry resolution quality (precision/recall per labelled query) and cold latency, per embedding model [--quiet] [--set FILE] [--explain PHRASE...]";

    public async Task<int> RunAsync(string[] args)
    {
        var quiet = args.Contains("--quiet");
        var connectionString = await BenchDatabase.CreateAsync("icpsearch_bench_resolve");
        // Connections as the silo makes them (GrainsServiceCollectionExtensions): statements auto-prepared, no reset
        // round trip, so a cold resolution here costs what it costs in the silo.
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 3;
        await using var dataSource = builder.Build();
        // --set FILE scores another labelled file of the same shape, such as the held-out set labelled blind.
        var set = Array.IndexOf(args, "--set") is var setAt and >= 0 && setAt + 1 < args.Length ? Path.GetFullPath(args[setAt + 1]) : null;
        var queries = IndustryQuerySet.Load(set);
        Console.WriteLine($"{queries.Count} labelled queries ({string.Join(", ", queries.GroupBy(q => q.Category).Select(g => $"{g.Key} {g.Count()}"))})");

        if (Array.IndexOf(args, "--explain") is var at and >= 0 && at + 1 < args.Length)
        {
            return await ExplainAsync(dataSource, args[(at + 1)..]);
        }

        var summary = new List<string>();
        foreach (var embedder in new SentenceEncoderEmbedder[] { MiniLmEmbedder.Shared, ArcticXsEmbedder.Shared })
        {
            var load = Stopwatch.StartNew();
            embedder.Warm();
            var loadMs = load.Elapsed.TotalMilliseconds;
            var import = Stopwatch.StartNew();
            await new SsicImporter(dataSource, embedder, NullLogger<SsicImporter>.Instance).ImportBundledAsync();
            var importMs = import.Elapsed.TotalMilliseconds;
            var store = new NpgsqlSsicReferenceStore(dataSource, embedder);
            var reference = (await store.GetCurrentAsync(CancellationToken.None))!;

            // Cold: every distinct phrase once, on a resolver with an empty cache, before anything embedded it.
            var resolver = new NpgsqlIndustryResolver(dataSource, store);
            // Timed in two parts, the phrase's embedding then the rest of the resolution, so the figure says where
            // the time goes; their sum is one cold resolution.
            var latencies = new List<double>();
            var embedding = new List<double>();
            var rest = new List<double>();
            foreach (var phrase in queries.SelectMany(q => IndustryQuerySet.PhrasesOf(q.Query)).Distinct(StringComparer.Ordinal))
            {
                var started = Stopwatch.GetTimestamp();
                if (!IndustryAliases.TryGet(phrase, out _))
                {
                    embedder.Embed([phrase]);
                }

                var embedded = Stopwatch.GetTimestamp();
                await resolver.ResolveAsync([phrase]);
                embedding.Add(Stopwatch.GetElapsedTime(started, embedded).TotalMilliseconds);
                rest.Add(Stopwatch.GetElapsedTime(embedded).TotalMilliseconds);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var scores = await IndustryQuerySet.ScoreAsync(new NpgsqlIndustryResolver(dataSource, store), queries, reference.Leaves);
            Console.WriteLine();
            Console.WriteLine($"== {embedder.Model}: model load {loadMs:0} ms, bundled import with vectors {importMs:0} ms");
            if (!quiet)
            {
                Console.WriteLine("| query | category | phrases | codes | precision | recall | pass | resolved to |");
                Console.WriteLine("|---|---|---|---|---|---|---|---|");
                foreach (var s in scores)
                {
                    var headings = string.Join("; ", s.Resolved.Headings.Take(6).Select(h => $"{h.Code} {Cut(h.Title)} ({h.MatchedBy})"))
                        + (s.Resolved.Headings.Count > 6 ? $"; +{s.Resolved.Headings.Count - 6}" : "");
                    Console.WriteLine(F($"| {s.Query.Query} | {s.Query.Category} | {string.Join(" / ", s.Phrases)} | {s.Resolved.Codes.Count} | {s.Precision:0.00} | {s.Recall:0.00} | {(s.Passes ? "yes" : "NO")} | {headings} |"));
                }
            }

            Console.WriteLine("| set | queries | passing (R ≥ 0.95, P ≥ 0.9) | macro precision | macro recall |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (label, subset) in Subsets(scores))
            {
                var line = F($"| {label} | {subset.Count} | {subset.Count(s => s.Passes)} ({(double)subset.Count(s => s.Passes) / subset.Count:P0}) | {subset.Average(s => s.Precision):0.00} | {subset.Average(s => s.Recall):0.00} |");
                Console.WriteLine(line);
                summary.Add($"{embedder.Model} {line}");
            }

            var cold = F($"cold resolution ({latencies.Count} distinct phrases, cache miss, embedding included): p50 {Stats.Percentile(latencies, 50):0.0} ms, p95 {Stats.Percentile(latencies, 95):0.0} ms, max {latencies.Max():0.0} ms; of which embedding p50 {Stats.Percentile(embedding, 50):0.0} ms, p95 {Stats.Percentile(embedding, 95):0.0} ms, and SQL + fusion p50 {Stats.Percentile(rest, 50):0.0} ms, p95 {Stats.Percentile(rest, 95):0.0} ms");
            Console.WriteLine(cold);
            summary.Add($"{embedder.Model} {cold}");
        }

        Console.WriteLine();
        Console.WriteLine("summary:");
        summary.ForEach(Console.WriteLine);
        return 0;
    }

    // --explain phrase...: the closest titles by meaning and the resolution, per model, to see why a phrase resolves as it does.
    private static async Task<int> ExplainAsync(NpgsqlDataSource dataSource, string[] phrases)
    {
        foreach (var embedder in new SentenceEncoderEmbedder[] { MiniLmEmbedder.Shared, ArcticXsEmbedder.Shared })
        {
            await new SsicImporter(dataSource, embedder, NullLogger<SsicImporter>.Instance).ImportBundledAsync();
            var store = new NpgsqlSsicReferenceStore(dataSource, embedder);
            var reference = (await store.GetCurrentAsync(CancellationToken.None))!;
            var resolver = new NpgsqlIndustryResolver(dataSource, store);
            foreach (var phrase in phrases)
            {
                var similarities = reference.Similarities(embedder.Embed([phrase])[0]);
                var top = Enumerable.Range(0, similarities.Length).OrderByDescending(i => similarities[i]).Take(8)
                    .Select(i => F($"{reference.Rows[i].Code} {Cut(reference.Rows[i].Title)} {similarities[i]:0.000}"));
                var resolved = await resolver.ResolveAsync([phrase]);
                Console.WriteLine($"{embedder.Model} '{phrase}': {string.Join(" | ", top)}");
                Console.WriteLine($"   → {string.Join("; ", resolved.Headings.Select(h => $"{h.Code} {Cut(h.Title)} ({h.MatchedBy})"))}");
            }
        }

        return 0;
    }

    private static IEnumerable<(string Label, List<QueryScore> Scores)> Subsets(IReadOnlyList<QueryScore> scores)
    {
        yield return ("all", scores.ToList());
        yield return ("bare + phrases (not sentence)", scores.Where(s => s.Query.IsBareOrPhrase).ToList());
        yield return ("bare + phrases resolved without the alias lexicon", scores.Where(s => s.Query.IsBareOrPhrase && s.Resolved.Headings.All(h => h.MatchedBy != "alias")).ToList());
        foreach (var group in scores.GroupBy(s => s.Query.Category))
        {
            yield return (group.Key, group.ToList());
        }
    }

    private static string Cut(string title) => title.Length <= 40 ? title : title[..40] + "…";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
