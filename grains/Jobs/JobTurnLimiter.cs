namespace IcpSearch.Grains.Jobs;

/// <summary>
/// This silo's turns for job runs: at most <see cref="Capacity"/> jobs run at once, and when a turn frees, the waiting
/// tenant served least recently goes next (round-robin by tenant), so a tenant with 100 jobs does not starve one with 1.
/// </summary>
/// <remarks>
/// Silo-local by design: a job's turn is held where its activation runs, so the bound holds per silo and the cluster
/// runs at most <see cref="Capacity"/> × silos jobs at once without any shared lease. Waiting jobs poll
/// <see cref="TryEnter"/>; one that stops polling (its activation went away) loses its place after <see cref="StaleAfter"/>.
/// A waiter may leave a wake-up with its place in line: when a turn frees, the waiters first in line for the free turns
/// are woken at once, so a freed turn is taken without waiting for the next poll.
/// </remarks>
public sealed class JobTurnLimiter
{
    private readonly object _gate = new();
    private readonly HashSet<long> _holders = [];
    private readonly Dictionary<long, Waiter> _waiters = [];
    private readonly Dictionary<string, long> _lastServed = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;

    public JobTurnLimiter(int capacity, TimeSpan staleAfter, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        StaleAfter = staleAfter;
        _time = time;
    }

    /// <summary>Gets the most jobs that run at once on this silo.</summary>
    public int Capacity { get; }

    /// <summary>Gets how long a waiting job keeps its place without asking again.</summary>
    public TimeSpan StaleAfter { get; }

    /// <summary>Gets the number of turns held now.</summary>
    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _holders.Count;
            }
        }
    }

    /// <summary>
    /// Takes a turn for the job if one is free and no tenant waiting longer since its last turn is ahead of it for the
    /// free turns; otherwise puts (or keeps) the job in line and returns false. A job already holding a turn keeps it.
    /// </summary>
    /// <param name="tenantId">The job's tenant.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="wake">Called (outside the limiter's lock, on the thread that frees a turn) when a turn frees for the
    /// job while it waits; it should make the job ask again soon and must not block.</param>
    public bool TryEnter(string tenantId, long jobId, Action? wake = null)
    {
        lock (_gate)
        {
            if (_holders.Contains(jobId))
            {
                return true;
            }

            var now = _time.GetTimestamp();
            EvictStale(now);
            if (!_waiters.TryGetValue(jobId, out var waiter))
            {
                waiter = new Waiter(tenantId, ++_sequence);
                _waiters[jobId] = waiter;
            }

            waiter.LastSeen = now;
            waiter.Wake = wake ?? waiter.Wake;
            var free = Capacity - _holders.Count;
            if (free <= 0 || PlaceInLine(waiter) >= free)
            {
                return false;
            }

            _waiters.Remove(jobId);
            _holders.Add(jobId);
            _lastServed[tenantId] = ++_sequence;
            return true;
        }
    }

    /// <summary>Gives back the job's turn, or its place in line; a freed turn wakes the waiters next in line.</summary>
    public void Exit(long jobId)
    {
        Action[] wake;
        lock (_gate)
        {
            _waiters.Remove(jobId);
            if (!_holders.Remove(jobId) || _waiters.Count == 0)
            {
                return;
            }

            EvictStale(_time.GetTimestamp());
            var free = Capacity - _holders.Count;
            wake = [.. _waiters.Values.OrderBy(Key).Take(free).Select(w => w.Wake).OfType<Action>()];
        }

        foreach (var action in wake)
        {
            action();
        }
    }

    // A waiting job's place in line (0 = next): the tenant whose last turn is oldest goes first (never served counts
    // as oldest), and a tenant's jobs go in the order they enlisted.
    private int PlaceInLine(Waiter waiter)
    {
        var key = Key(waiter);
        var ahead = 0;
        foreach (var other in _waiters.Values)
        {
            if (Key(other).CompareTo(key) < 0)
            {
                ahead++;
            }
        }

        return ahead;
    }

    private (long Served, long Enlisted) Key(Waiter waiter) => (_lastServed.GetValueOrDefault(waiter.TenantId, 0), waiter.Enlisted);

    private void EvictStale(long now)
    {
        List<long>? stale = null;
        foreach (var (jobId, waiter) in _waiters)
        {
            if (_time.GetElapsedTime(waiter.LastSeen, now) > StaleAfter)
            {
                (stale ??= []).Add(jobId);
            }
        }

        stale?.ForEach(id => _waiters.Remove(id));
    }

    private sealed class Waiter(string tenantId, long enlisted)
    {
        public string TenantId { get; } = tenantId;

        public long Enlisted { get; } = enlisted;

        public long LastSeen { get; set; }

        public Action? Wake { get; set; }
    }
}
