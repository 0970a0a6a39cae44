namespace IcpSearch.Grains.Industries;

/// <summary>
/// How close in meaning a title must be, per model: each model spreads its cosine similarities differently.
/// </summary>
/// <param name="Floor">The least cosine similarity a title may have and still match.</param>
/// <param name="Margin">How far below the best match a title may be and still match.</param>
public sealed record MeaningTuning(float Floor, float Margin)
{
    /// <summary>Returns the tuning of a model (see <see cref="ITextEmbedder.Model"/>).</summary>
    public static MeaningTuning For(string model) => model switch
    {
        "snowflake-arctic-embed-xs" => new MeaningTuning(0.80f, 0.03f),
        _ => new MeaningTuning(0.55f, 0.08f),
    };
}
