namespace IcpSearch.Grains.Industries;

/// <summary>
/// How close in meaning a title must be, per model: each model spreads its cosine similarities differently.
/// </summary>
/// <remarks>
/// Set by looking at where nonsense lands (arctic-embed-xs gives "zzqxv plorf" 0.82 to its closest title, MiniLM
/// 0.26) against true matches (arctic 0.85–0.95, MiniLM 0.55–0.9), then checked on the labelled set.
/// </remarks>
/// <param name="Floor">The least cosine similarity a title may have and still match.</param>
/// <param name="Margin">How far below the best match a title may be and still match.</param>
public sealed record MeaningTuning(float Floor, float Margin)
{
    /// <summary>Returns the tuning of a model (see <see cref="ITextEmbedder.Model"/>).</summary>
    public static MeaningTuning For(string model) => model switch
    {
        "snowflake-arctic-embed-xs" => new MeaningTuning(0.845f, 0.025f),
        _ => new MeaningTuning(0.55f, 0.08f),
    };
}
