using IcpSearch.Grains.Jobs;

namespace IcpSearch.Tests.Jobs;

public sealed class RetryBackoffTests
{
    private static readonly StagingUpsertJobOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromSeconds(2),
        RetryMaxDelay = TimeSpan.FromSeconds(30),
        MaxTransitionRetries = 3,
    };

    [Theory]
    [InlineData(1, 0.0, 2000)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(3, 0.0, 8000)]
    [InlineData(3, 0.5, 6000)]
    [InlineData(5, 0.0, 30000)]
    [InlineData(60, 1.0, 15000)]
    public void Backoff_ShouldDoubleUpToTheCapLessTheJitter_WhenAttemptsGrow(int attempt, double jitter, double expectedMs)
        => Assert.Equal(expectedMs, Options.Backoff(attempt, jitter).TotalMilliseconds, precision: 6);

    [Fact]
    public void TransitionRetryDelay_ShouldStopAfterMaxTransitionRetries_WhenRetriesAreUsedUp()
    {
        // Act
        var delays = Enumerable.Range(1, 5).Select(Options.TransitionRetryDelay).ToList();

        // Assert
        Assert.All(delays.Take(3), d => Assert.NotNull(d));
        Assert.All(delays.Skip(3), d => Assert.Null(d));
        Assert.All(delays.Take(3).Select((d, i) => (d!.Value, Full: Options.Backoff(i + 1, 0))),
            p => Assert.InRange(p.Value, p.Full / 2, p.Full));
    }
}
