using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Finds the nightly window: a wall-clock start time in a time zone, turned into a UTC instant, and a length.
/// </summary>
/// <remarks>
/// Reminder periods are fixed UTC spans, so "02:00 every night" drifts by an hour across a daylight-saving change.
/// The job re-arms its reminder after every run from this calculation instead of trusting the period.
/// </remarks>
public sealed class NightlyWindow
{
    private readonly TimeOnly _at;
    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan _length;

    /// <summary>The window length when none is given: four hours.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(4);

    public NightlyWindow(string at, string timeZone)
        : this(at, timeZone, DefaultLength)
    {
    }

    public NightlyWindow(string at, string timeZone, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, TimeSpan.FromDays(1));
        _length = length;
        if (!TryParseTime(at, out _at))
        {
            throw new ArgumentException($"'{at}' is not a 24-hour time HH:mm.", nameof(at));
        }

        if (!TryFindTimeZone(timeZone, out var zone))
        {
            throw new ArgumentException($"'{timeZone}' is not a known time zone.", nameof(timeZone));
        }

        _zone = zone;
    }

    /// <summary>Returns the first window strictly after <paramref name="now"/>, in UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var day = 0; day < 3; day++)
        {
            var candidate = ToUtc(date.AddDays(day).ToDateTime(_at));
            if (candidate > now)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No nightly window found within three days.");
    }

    /// <summary>Returns the end of the window that is open at <paramref name="now"/>, or null when none is open.</summary>
    /// <remarks>A window as long as a day never closes: each one ends where the next begins.</remarks>
    public DateTimeOffset? EndOf(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var day = 0; day >= -2; day--)
        {
            var start = ToUtc(date.AddDays(day).ToDateTime(_at));
            if (start <= now)
            {
                var end = start + _length;
                return now < end ? end : null;
            }
        }

        return null;
    }

    /// <summary>Parses "HH:mm" (24-hour), or "HH:mm:ss" when a window must be placed to the second (tests, demos).</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
        => TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Finds an IANA (or Windows) time zone by id.</summary>
    public static bool TryFindTimeZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }

    private DateTimeOffset ToUtc(DateTime localWallClock)
    {
        // A wall-clock time skipped by a spring-forward gap runs at the first valid instant after it;
        // an ambiguous one in the autumn fold runs at its first occurrence.
        while (_zone.IsInvalidTime(localWallClock))
        {
            localWallClock = localWallClock.AddMinutes(1);
        }

        var offset = _zone.IsAmbiguousTime(localWallClock)
            ? _zone.GetAmbiguousTimeOffsets(localWallClock).Max()
            : _zone.GetUtcOffset(localWallClock);
        return new DateTimeOffset(localWallClock, offset).ToUniversalTime();
    }
}
