using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using ListenOptions = Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions;

namespace IcpSearch.Gateway.Errors;

/// <summary>
/// Gives the requests Kestrel refuses in its HTTP parser, before any middleware runs (a NUL in the decoded path, an
/// oversized request line or header block, a malformed request line), a problem+json body like every other error.
/// Kestrel has no hook for those responses, so each connection's output goes through a
/// <see cref="KestrelRejectionWriter"/>, and Kestrel's <c>BadRequest</c> diagnostic event, raised before it writes the
/// response, tells that connection's writer to rewrite it.
/// </summary>
public sealed class KestrelRejectionProblems : IObserver<KeyValuePair<string, object?>>
{
    private const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    private readonly ConcurrentDictionary<string, KestrelRejectionWriter> _connections = new(StringComparer.Ordinal);

    /// <summary>Wraps every connection of <paramref name="listen"/> (call from ConfigureEndpointDefaults).</summary>
    public void Attach(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => async connection =>
        {
            var original = connection.Transport;
            var writer = new KestrelRejectionWriter(original.Output);
            _connections[connection.ConnectionId] = writer;
            connection.Transport = new RejectedConnectionPipe(original.Input, writer);
            try
            {
                await next(connection);
            }
            finally
            {
                _connections.TryRemove(connection.ConnectionId, out _);
                connection.Transport = original;
            }
        });
    }

    /// <summary>Listens to Kestrel's bad-request event only.</summary>
    public IDisposable Subscribe(DiagnosticListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return listener.Subscribe(this, name => name == BadRequestEvent);
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != BadRequestEvent || value.Value is not IFeatureCollection features
            || features.Get<IHttpConnectionFeature>()?.ConnectionId is not { } id
            || !_connections.TryGetValue(id, out var writer)
            || features.Get<Microsoft.AspNetCore.Server.Kestrel.Core.Features.IHttp2StreamIdFeature>() is not null
            || features.Get<IBadRequestExceptionFeature>()?.Error is not BadHttpRequestException error)
        {
            return;
        }

        var (code, title, detail, field) = error.StatusCode switch
        {
            // Kestrel's message for a target it cannot decode: in practice a NUL (%00) in the path.
            StatusCodes.Status400BadRequest when error.Message.StartsWith("Invalid request target", StringComparison.Ordinal) =>
                (ProblemCodes.InvalidText, "The request holds text this API does not accept.", "The path is not valid text (e.g. a NUL character).", "path"),
            StatusCodes.Status414RequestUriTooLong =>
                (ProblemCodes.UriTooLong, "The request line is too long.", "Keep the path and query under 8 KB.", (string?)null),
            StatusCodes.Status431RequestHeaderFieldsTooLarge =>
                (ProblemCodes.HeadersTooLarge, "The request headers are too large.", "Keep the headers under 32 KB.", null),
            StatusCodes.Status413PayloadTooLarge =>
                (ProblemCodes.BodyTooLarge, "The request body is too large.", "The body exceeds MAX_REQUEST_BODY_BYTES.", null),
            _ => (ProblemCodes.InvalidRequest, "The request is not valid HTTP.", "The server could not parse the request.", null),
        };
        writer.OnRejected(error.StatusCode, code, title, detail, field);
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }
}
