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

    /// <summary>Returns every event fully rendered: message, every property value and the exception.</summary>
    public string RenderAll()
    {
        var text = new System.Text.StringBuilder();
        foreach (var e in _events)
        {
            text.Append(e.Level).Append(' ').Append(e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (name, value) in e.Properties)
            {
                text.Append(' ').Append(name).Append('=').Append(value);
            }

            text.AppendLine(e.Exception?.ToString());
        }

        return text.ToString();
    }
}
