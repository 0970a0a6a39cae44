using System.Diagnostics;

namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// Measures a chat request's time to first byte (when the response starts) and its total time.
/// </summary>
public sealed class ChatTimingMiddleware(RequestDelegate next, GatewayInstruments instruments)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/chat"))
        {
            await next(context);
            return;
        }

        var clock = Stopwatch.StartNew();
        var firstByte = TimeSpan.Zero;
        context.Response.OnStarting(() =>
        {
            firstByte = clock.Elapsed;
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            var total = clock.Elapsed;
            instruments.OnChatAnswered(firstByte == TimeSpan.Zero ? total : firstByte, total, context.Response.StatusCode);
        }
    }
}
