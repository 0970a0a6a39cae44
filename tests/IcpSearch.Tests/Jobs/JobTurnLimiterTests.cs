using IcpSearch.Grains.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace IcpSearch.Tests.Jobs;

public sealed class JobTurnLimiterTests
{
    [Fact]
    public void TryEnter_ShouldServeWaitingTenantsRoundRobin_WhenOneTenantHasManyJobs()
    {
        // Arrange: one turn; tenant a queues three jobs before tenant b queues one.
        var time = new FakeTimeProvider();
        var turns = new JobTurnLimiter(1, TimeSpan.FromMinutes(1), time);
        var order = new List<long>();
        Assert.True(turns.TryEnter("a", 1));
        Assert.False(turns.TryEnter("a", 2));
        Assert.False(turns.TryEnter("a", 3));
        Assert.False(turns.TryEnter("b", 10));

        // Act: each holder ends its turn and asks again behind the others (as a job that yielded does); then the
        // waiting jobs ask in the order they queued.
        static string TenantOf(long job) => job == 10 ? "b" : "a";
        var waiting = new List<long> { 2, 3, 10 };
        var holder = 1L;
        for (var round = 0; round < 5; round++)
        {
            turns.Exit(holder);
            Assert.False(turns.TryEnter(TenantOf(holder), holder));
            waiting.Add(holder);
            holder = waiting.First(j => turns.TryEnter(TenantOf(j), j));
            waiting.Remove(holder);
            order.Add(holder);
        }

        // Assert: b's single job goes second, not after all of a's; a's jobs keep their order.
        Assert.Equal([10L, 2L, 10L, 3L, 10L], order);
    }

    [Fact]
    public void TryEnter_ShouldNeverGrantMoreThanTheCapacity_WhenManyJobsAsk()
    {
        // Arrange
        var turns = new JobTurnLimiter(3, TimeSpan.FromMinutes(1), new FakeTimeProvider());

        // Act
        var granted = Enumerable.Range(1, 20).Count(i => turns.TryEnter("t" + (i % 4), i));
        turns.Exit(1);
        var afterExit = Enumerable.Range(4, 17).Count(i => turns.TryEnter("t" + (i % 4), i));

        // Assert
        Assert.Equal(3, granted);
        Assert.Equal(1, afterExit);
        Assert.Equal(3, turns.InUse);
    }

    [Fact]
    public void TryEnter_ShouldSkipAWaiterThatStoppedAsking_WhenItGoesStale()
    {
        // Arrange: job 2 is first in line, then its activation goes away and only job 3 keeps asking.
        var time = new FakeTimeProvider();
        var turns = new JobTurnLimiter(1, TimeSpan.FromSeconds(5), time);
        Assert.True(turns.TryEnter("a", 1));
        Assert.False(turns.TryEnter("b", 2));
        Assert.False(turns.TryEnter("c", 3));
        turns.Exit(1);

        // Act
        var beforeStale = turns.TryEnter("c", 3);
        time.Advance(TimeSpan.FromSeconds(6));
        var afterStale = turns.TryEnter("c", 3);

        // Assert
        Assert.False(beforeStale);
        Assert.True(afterStale);
    }

    [Fact]
    public void Exit_ShouldWakeTheWaitersNextInLineForTheFreedTurns_WhenTheyLeftAWakeUp()
    {
        // Arrange: two turns held; tenant a waits with two jobs, then tenant b with one, each leaving a wake-up.
        var turns = new JobTurnLimiter(2, TimeSpan.FromMinutes(1), new FakeTimeProvider());
        var woken = new List<long>();
        Assert.True(turns.TryEnter("x", 1));
        Assert.True(turns.TryEnter("y", 2));
        Assert.False(turns.TryEnter("a", 3, () => woken.Add(3)));
        Assert.False(turns.TryEnter("a", 4, () => woken.Add(4)));
        Assert.False(turns.TryEnter("b", 5, () => woken.Add(5)));

        // Act: one turn frees, and the woken job takes it; then the other turn frees.
        turns.Exit(1);
        var first = woken.ToList();
        var firstEntered = turns.TryEnter("a", 3);
        turns.Exit(2);
        var second = woken.Skip(first.Count).ToList();

        // Assert: only the job next in line is woken for each freed turn, and then it enters at once; a job
        // leaving no turn (a waiter giving up its place) wakes nobody.
        Assert.Equal([3L], first);
        Assert.True(firstEntered);
        Assert.Equal([5L], second);
        turns.Exit(4);
        Assert.Equal(2, woken.Count);
    }

    [Fact]
    public void TryEnter_ShouldLetAnyOfTheWaitersFirstInLineEnter_WhenSeveralTurnsAreFree()
    {
        // Arrange: two turns held, three tenants waiting in line c, d, e.
        var turns = new JobTurnLimiter(2, TimeSpan.FromMinutes(1), new FakeTimeProvider());
        Assert.True(turns.TryEnter("a", 1));
        Assert.True(turns.TryEnter("b", 2));
        Assert.False(turns.TryEnter("c", 3));
        Assert.False(turns.TryEnter("d", 4));
        Assert.False(turns.TryEnter("e", 5));

        // Act: both turns free; the second and third in line ask before the first.
        turns.Exit(1);
        turns.Exit(2);
        var third = turns.TryEnter("e", 5);
        var second = turns.TryEnter("d", 4);
        var first = turns.TryEnter("c", 3);

        // Assert: the two turns go to the two first in line, whatever order they ask in.
        Assert.False(third);
        Assert.True(second);
        Assert.True(first);
        Assert.Equal(2, turns.InUse);
    }
}
