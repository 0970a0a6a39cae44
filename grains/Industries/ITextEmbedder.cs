namespace IcpSearch.Grains.Industries;

/// <summary>
/// Turns short texts (SSIC titles, industry phrases) into unit-length sentence-embedding vectors.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Gets the stable name of the model, stored with each vector so vectors of two models never mix.</summary>
    string Model { get; }

    /// <summary>Gets the length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>Returns one unit-length vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
