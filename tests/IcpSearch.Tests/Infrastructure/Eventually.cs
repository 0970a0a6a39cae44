using System.Diagnostics;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Awaits a condition by polling it until a deadline, instead of sleeping a guessed amount of time.
/// </summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value satisfying <paramref name="done"/>; returns that value or throws with the last value seen.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var last = default(T);
        while (clock.Elapsed < timeout)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {last}");
    }
}
