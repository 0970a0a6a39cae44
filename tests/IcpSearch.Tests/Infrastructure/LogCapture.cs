using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A Serilog sink that keeps every event in memory, so tests can read what a host logged.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    /// <summary>Gets a snapshot of the events so far.</summary>
    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Waits for an event matching <paramref name="predicate"/>; request logs are written just after the response is sent.</summary>
    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> predicate, TimeSpan? timeout = null)
    {
        try
        {
            return (await Eventually.Until(
                () => Task.FromResult(_events.FirstOrDefault(predicate)), e => e is not null, timeout ?? TimeSpan.FromSeconds(10), "a matching log event"))!;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(
                $"{ex.Message}; the last of {_events.Count} events:{Environment.NewLine}{string.Join(Environment.NewLine, _events.TakeLast(5).Select(Render))}", ex);
        }
    }

    /// <summary>Returns every event fully rendered: message, every property value and the exception.</summary>
    public string RenderAll() => string.Join(Environment.NewLine, _events.Select(Render));

    private static string Render(LogEvent e)
    {
        var text = new System.Text.StringBuilder();
        text.Append(e.Level).Append(' ').Append(e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in e.Properties)
        {
            text.Append(' ').Append(name).Append('=').Append(value);
        }

        return text.Append(' ').Append(e.Exception).ToString();
    }
}
