using IcpSearch.Grains.Jobs;

namespace IcpSearch.Tests.Jobs;

public sealed class NightlyWindowTests
{
    [Theory]
    [InlineData("2026-03-10T01:59:00Z", "2026-03-10T02:00:00Z")]
    [InlineData("2026-03-10T02:00:00Z", "2026-03-11T02:00:00Z")]
    [InlineData("2026-03-10T23:30:00Z", "2026-03-11T02:00:00Z")]
    public void Next_ShouldReturnTheNextTwoOClockUtc_WhenTheZoneIsUtc(string now, string expected)
        => Assert.Equal(DateTimeOffset.Parse(expected), new NightlyWindow("02:00", "UTC").Next(DateTimeOffset.Parse(now)));

    [Fact]
    public void Next_ShouldKeepTheLocalWallClock_WhenDaylightSavingStartsAndEnds()
    {
        // Arrange: New York moved its clocks forward on 2026-03-08 and back on 2026-11-01.
        var window = new NightlyWindow("03:30", "America/New_York");

        // Act
        var lastWinterNight = window.Next(DateTimeOffset.Parse("2026-03-06T12:00:00Z"));
        var firstSummerNight = window.Next(lastWinterNight);
        var lastSummerNight = window.Next(DateTimeOffset.Parse("2026-10-30T12:00:00Z"));
        var firstWinterNight = window.Next(lastSummerNight);

        // Assert: 03:30 local each night, so the UTC gap is 23 h across spring-forward and 25 h across fall-back.
        Assert.Equal(DateTimeOffset.Parse("2026-03-07T03:30:00-05:00"), lastWinterNight);
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T03:30:00-04:00"), firstSummerNight);
        Assert.Equal(TimeSpan.FromHours(23), firstSummerNight - lastWinterNight);
        Assert.Equal(DateTimeOffset.Parse("2026-10-31T03:30:00-04:00"), lastSummerNight);
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T03:30:00-05:00"), firstWinterNight);
        Assert.Equal(TimeSpan.FromHours(25), firstWinterNight - lastSummerNight);
    }

    [Fact]
    public void Next_ShouldRunAtTheFirstValidInstant_WhenTheWallClockTimeIsSkipped()
    {
        // Arrange: 02:30 does not exist in New York on 2026-03-08 (02:00 jumps to 03:00).
        var window = new NightlyWindow("02:30", "America/New_York");

        // Act
        var next = window.Next(DateTimeOffset.Parse("2026-03-08T05:00:00Z"));

        // Assert: 03:00 EDT, the first valid instant after the gap.
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T07:00:00Z"), next);
    }

    [Fact]
    public void Next_ShouldRunOnce_WhenTheWallClockTimeIsAmbiguous()
    {
        // Arrange: 01:30 happens twice in New York on 2026-11-01.
        var window = new NightlyWindow("01:30", "America/New_York");

        // Act
        var first = window.Next(DateTimeOffset.Parse("2026-11-01T04:00:00Z"));
        var second = window.Next(first);

        // Assert: the first occurrence (EDT, 05:30Z), then the next night.
        Assert.Equal(DateTimeOffset.Parse("2026-11-01T05:30:00Z"), first);
        Assert.Equal(DateTimeOffset.Parse("2026-11-02T06:30:00Z"), second);
    }

    [Theory]
    [InlineData("25:00", "UTC")]
    [InlineData("2am", "UTC")]
    [InlineData("02:00", "Mars/Olympus_Mons")]
    public void Constructor_ShouldRejectTheSetting_WhenTimeOrZoneIsInvalid(string at, string zone)
        => Assert.Throws<ArgumentException>(() => new NightlyWindow(at, zone));
}
