using Microsoft.Extensions.Hosting;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// Loads the sentence-embedding model while the silo starts, so the first search does not pay for it.
/// </summary>
public sealed partial class EmbeddingWarmup(ITextEmbedder embedder, ILogger<EmbeddingWarmup> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        embedder.Embed(["warm up"], cancellationToken);
        LogModelLoaded(logger, embedder.Model, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 520, EventName = "embedding_model_loaded", Level = LogLevel.Information,
        Message = "Sentence-embedding model {Model} loaded in {DurationMs:0} ms")]
    private static partial void LogModelLoaded(ILogger logger, string model, double durationMs);
}
