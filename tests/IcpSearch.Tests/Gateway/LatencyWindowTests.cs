using IcpSearch.Gateway.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace IcpSearch.Tests.Gateway;

public sealed class LatencyWindowTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 30, TimeSpan.Zero);

    [Theory]
    [InlineData(95, 95)]
    [InlineData(50, 50)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(1, 1)]
    [InlineData(0.5, 1)]
    public void Percentile_ShouldBeTheNearestRank_WhenTheSamplesAre1To100(double percentile, double expected)
    {
        // Arrange
        var window = new LatencyWindow(TimeSpan.FromMinutes(15), new FakeTimeProvider(Start));
        foreach (var value in Enumerable.Range(1, 100).Reverse())
        {
            window.Add(value);
        }

        // Act
        var result = window.Percentile(percentile);

        // Assert
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Percentile_ShouldBeNull_WhenTheWindowIsEmpty()
    {
        // Arrange
        var window = new LatencyWindow(TimeSpan.FromMinutes(15), new FakeTimeProvider(Start));

        // Act
        var result = window.Percentile(95);

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Percentile_ShouldForgetSamples_WhenTheyAreAWindowOld()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var window = new LatencyWindow(TimeSpan.FromMinutes(15), time);
        window.Add(1000);
        time.Advance(TimeSpan.FromMinutes(10));
        window.Add(10);

        // Act
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var justInside = (window.Percentile(100), window.Count);
        time.Advance(TimeSpan.FromSeconds(1));
        var expired = (window.Percentile(100), window.Count);
        time.Advance(TimeSpan.FromMinutes(10));
        var empty = (window.Percentile(100), window.Count);

        // Assert
        Assert.Equal((1000.0, 2), justInside);
        Assert.Equal((10.0, 1), expired);
        Assert.Equal(((double?)null, 0), empty);
    }

    [Fact]
    public void PerMinute_ShouldGiveOnePointPerMinuteWithNullGaps_WhenMinutesHaveNoSamples()
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        var window = new LatencyWindow(TimeSpan.FromMinutes(5), time);
        foreach (var value in Enumerable.Range(1, 20))
        {
            window.Add(value);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        window.Add(300);
        window.Add(100);

        // Act
        var points = window.PerMinute(95);

        // Assert: 09:00 (1..20 → 19), 09:01 empty, 09:02 (100, 300 → 300); the window ends at the current minute.
        Assert.Equal(5, points.Count);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 8, 58, 0, TimeSpan.Zero), points[0].At);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 2, 0, TimeSpan.Zero), points[^1].At);
        Assert.Equal([null, null, 19, null, 300], points.Select(p => p.Value));
    }

    [Fact]
    public void Add_ShouldDropTheOldestSamples_WhenTheCapIsReached()
    {
        // Arrange
        var window = new LatencyWindow(TimeSpan.FromMinutes(15), new FakeTimeProvider(Start), maxSamples: 10);

        // Act
        foreach (var value in Enumerable.Range(1, 25))
        {
            window.Add(value);
        }

        // Assert
        Assert.Equal(10, window.Count);
        Assert.Equal(16, window.Percentile(1));
        Assert.Equal(25, window.Percentile(100));
    }
}
