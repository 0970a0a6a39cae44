namespace IcpSearch.Tests.Gateway;

/// <summary>
/// Writes scores while a pagination walk runs: inserts new scored companies for the walked tenant, rescores a set of
/// its rows upwards, and rescores another tenant's rows arbitrarily.
/// </summary>
public sealed class ConcurrentScoreWriter(NpgsqlDataSource dataSource, string tenant, IReadOnlyList<long> rising, string otherTenant, IReadOnlyList<long> otherIds)
{
    private readonly Random _random = new(42);
    private readonly List<long> _inserted = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _batches;

    /// <summary>Gets the number of write batches done so far.</summary>
    public int Batches => Volatile.Read(ref _batches);

    /// <summary>Gets the companies inserted for the walked tenant.</summary>
    public IReadOnlyList<long> Inserted
    {
        get
        {
            lock (_inserted)
            {
                return [.. _inserted];
            }
        }
    }

    /// <summary>Writes batches back to back until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await WriteBatchAsync();
        }
    }

    /// <summary>Writes one batch: 5 new rows, 5 upward rescores, 20 rescores of the other tenant.</summary>
    public async Task WriteBatchAsync()
    {
        await _gate.WaitAsync();
        try
        {
            int[] newScores;
            long[] risers;
            long[] others;
            short[] otherScores;
            lock (_random)
            {
                newScores = Enumerable.Range(0, 5).Select(_ => _random.Next(0, 101)).ToArray();
                risers = Enumerable.Range(0, 5).Select(_ => rising[_random.Next(rising.Count)]).ToArray();
                others = otherIds.OrderBy(_ => _random.Next()).Take(20).ToArray();
                otherScores = others.Select(_ => (short)_random.Next(0, 101)).ToArray();
            }

            foreach (var score in newScores)
            {
                var id = await LeadSeeder.SeedOneAsync(dataSource, tenant, "Concurrent " + Guid.NewGuid().ToString("N")[..8], score);
                lock (_inserted)
                {
                    _inserted.Add(id);
                }
            }

            // Upward only: a rescore never moves an already-read row below the cursor.
            await using (var rise = dataSource.CreateCommand("""
                UPDATE lead_scores SET score = LEAST(100, score + 1 + (company_id % 7)::int), scored_at = now()
                WHERE tenant_id = @t AND company_id = ANY(@ids)
                """))
            {
                rise.Parameters.AddWithValue("t", tenant);
                rise.Parameters.AddWithValue("ids", risers);
                await rise.ExecuteNonQueryAsync();
            }

            await using (var churn = dataSource.CreateCommand("""
                INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
                SELECT @t, id, s, 'medium', 'churn' FROM unnest(@ids, @scores) AS u(id, s)
                ON CONFLICT (tenant_id, company_id) DO UPDATE SET score = excluded.score, scored_at = now()
                """))
            {
                churn.Parameters.AddWithValue("t", otherTenant);
                churn.Parameters.AddWithValue("ids", others);
                churn.Parameters.AddWithValue("scores", otherScores);
                await churn.ExecuteNonQueryAsync();
            }

            Interlocked.Increment(ref _batches);
        }
        finally
        {
            _gate.Release();
        }
    }
}
