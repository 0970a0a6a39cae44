namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// How much each factor of an ICP score counts. Weights are relative: a score is the weighted mean of the factors'
/// grades, so (2, 1, 1, 1, 0, 1) and (40, 20, 20, 20, 0, 20) score alike.
/// </summary>
/// <param name="Industry">Gets the weight of industry fit (primary activity, then secondary activity, division, section).</param>
/// <param name="Status">Gets the weight of the entity status.</param>
/// <param name="Age">Gets the weight of closeness to the target age band.</param>
/// <param name="Size">Gets the weight of closeness to the target officers band.</param>
/// <param name="District">Gets the weight of the postal district being one of the ICP's.</param>
/// <param name="EntityType">Gets the weight of the entity type.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.IcpWeights")]
public sealed record IcpWeights(int Industry, int Status, int Age, int Size, int District, int EntityType)
{
    /// <summary>Gets the largest weight a factor may have.</summary>
    public const int Max = 100;

    /// <summary>Gets the weights a tenant starts with; they add up to 100, so each is the most points its factor gives.</summary>
    public static IcpWeights Default { get; } = new(35, 15, 15, 15, 10, 10);

    /// <summary>Gets the sum of the weights.</summary>
    public int Total => Industry + Status + Age + Size + District + EntityType;
}
