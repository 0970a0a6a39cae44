using Microsoft.Extensions.Hosting;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// Loads the sentence-embedding model while the silo starts, so the first search does not pay for it.
/// </summary>
/// <remarks>
/// The load runs beside Orleans' own start-up rather than before it: a search that arrives first simply waits for
/// the model (it is loaded once, behind a lazy), and the silo's start-up does not grow by the load time.
/// </remarks>
public sealed partial class EmbeddingWarmup(ITextEmbedder embedder, ILogger<EmbeddingWarmup> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            var started = TimeProvider.System.GetTimestamp();
            embedder.Embed(["warm up"], CancellationToken.None);
            LogModelLoaded(logger, embedder.Model, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 520, EventName = "embedding_model_loaded", Level = LogLevel.Information,
        Message = "Sentence-embedding model {Model} loaded in {DurationMs:0} ms")]
    private static partial void LogModelLoaded(ILogger logger, string model, double durationMs);
}
