using IcpSearch.Grains.Industries;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Tests.Search.Understanding;

public sealed class IndustryExclusionsTests
{
    // The resolver's answers for the phrases these tests ask about; the exclusion rules are what is under test.
    private sealed class TableResolver(Dictionary<string, string[]> table) : IIndustryResolver
    {
        public Task<ResolvedIndustries> ResolveAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default)
        {
            var codes = terms.SelectMany(t => table.GetValueOrDefault(t, [])).Distinct().Order(StringComparer.Ordinal).ToList();
            return Task.FromResult(new ResolvedIndustries(codes, [.. terms.Where(t => !table.ContainsKey(t))], []));
        }
    }

    [Fact]
    public async Task ExcludedCodesAsync_ShouldTakeOutTheExcludedCodesWithinTheIndustry()
    {
        // Arrange
        var resolver = new TableResolver(new() { ["food"] = ["10101", "56111"] });

        // Act
        var excluded = await IndustryExclusions.ExcludedCodesAsync(resolver, ["manufacturing"], ["food"], ["10101", "20111", "25111"], TestContext.Current.CancellationToken);

        // Assert: restaurants (56111) are not manufacturing, so only the food manufacturing code goes.
        Assert.Equal(["10101"], excluded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExcludedCodesAsync_ShouldTakeOutNothing_WhenTheExclusionWouldRemoveTheWholeIndustry()
    {
        // Arrange: "food" misses wholesale, and "wholesale trade food" resolves back to all of it.
        string[] wholesale = ["46100", "46301", "46411"];
        var resolver = new TableResolver(new() { ["food"] = ["10101"], ["wholesale trade food"] = wholesale });

        // Act
        var excluded = await IndustryExclusions.ExcludedCodesAsync(resolver, ["wholesale trade"], ["food"], wholesale, TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(excluded);
    }
}
