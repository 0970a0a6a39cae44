using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Icp;

/// <summary>How much each factor of the score counts, 0-100 each; an omitted weight keeps its default (35, 15, 15, 15, 10, 10).</summary>
public sealed record IcpWeightsBody(int? Industry, int? Status, int? Age, int? Size, int? District, int? EntityType)
{
    public static IcpWeightsBody From(IcpWeights w) => new(w.Industry, w.Status, w.Age, w.Size, w.District, w.EntityType);

    public IcpWeights ToWeights()
    {
        var d = IcpWeights.Default;
        return new(Industry ?? d.Industry, Status ?? d.Status, Age ?? d.Age, Size ?? d.Size, District ?? d.District, EntityType ?? d.EntityType);
    }
}
