using System.Text.Json;
using System.Text.Json.Nodes;
using IcpSearch.Bench.Resolve;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Tests.Industries;

/// <summary>
/// Every constraint of the labelled set (<c>data/eval/industry-queries.json</c>) is parsed to its expected filter.
/// </summary>
public sealed class LabelledFiltersTests
{
    // The gateway's naming policy: the answer's filters as the set writes them.
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public void Parse_ShouldYieldEveryQuerysLabelledFilters_WithUnstatedKeysAtTheirDefault()
    {
        // Arrange
        var queries = IndustryQuerySet.Load();
        var defaults = JsonSerializer.SerializeToNode(SearchFilters.Default, Wire)!.AsObject();

        // Act
        var wrong = new List<string>();
        foreach (var query in queries)
        {
            var expected = defaults.DeepClone().AsObject();
            foreach (var (key, value) in JsonNode.Parse(query.Filters.GetRawText())!.AsObject())
            {
                Assert.True(defaults.ContainsKey(key), $"'{query.Query}' labels an unknown filter '{key}'");
                expected[key] = value?.DeepClone();
            }

            var actual = JsonSerializer.SerializeToNode(MessageParser.Parse(query.Query).Filters, Wire)!;
            if (!JsonNode.DeepEquals(expected, actual))
            {
                wrong.Add($"'{query.Query}': expected {expected.ToJsonString()}, parsed {actual.ToJsonString()}");
            }
        }

        // Assert
        Assert.True(queries.Count(q => q.Filters.EnumerateObject().Any()) >= 20, "the set labels at least 20 constrained queries");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
