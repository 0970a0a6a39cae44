using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Threads;

namespace IcpSearch.Tests.Threads;

public sealed class QueryComposerTests
{
    private static readonly ThreadQuery Previous = new(["manufacturing", "retail"], [], "manufacturing, retail");

    [Fact]
    public void Compose_ShouldSearchTheMessageAsIs_WhenTheThreadHasNoQueryYet()
    {
        // Act
        var composed = QueryComposer.Compose(null, "also logistics");

        // Assert
        Assert.Equal(FollowUpKind.New, composed.Turn.Kind);
        Assert.Equal(new SearchRequest("also logistics"), composed.Request);
        Assert.Null(composed.Change);
    }

    [Fact]
    public void Compose_ShouldNarrowTheExplicitTerms_WhenAnIndustryIsDropped()
    {
        // Act
        var composed = QueryComposer.Compose(Previous, "drop retail");

        // Assert
        Assert.Equal(["manufacturing"], composed.Query.Industries);
        Assert.Equal(["manufacturing"], composed.Request!.Terms!);
        Assert.Equal("manufacturing", composed.Request.Message);
        Assert.Equal("Dropped *retail* from the previous query.", composed.Change);
    }

    [Fact]
    public void Compose_ShouldAddTermsOnce_WhenIndustriesAreAdded()
    {
        // Act
        var composed = QueryComposer.Compose(Previous, "also logistics and retail");

        // Assert
        Assert.Equal(["manufacturing", "retail", "logistics"], composed.Request!.Terms!);
        Assert.Equal("Added *logistics* to the previous query.", composed.Change);
    }

    [Fact]
    public void Compose_ShouldKeepTheTermsAndAppendTheConstraint_WhenRestricted()
    {
        // Act
        var jurong = QueryComposer.Compose(Previous, "only in Jurong");
        var officers = QueryComposer.Compose(jurong.Query, "more than 20 officers");
        var tampines = QueryComposer.Compose(officers.Query, "only in Tampines");

        // Assert: a newer location replaces the older one; other constraints stay.
        Assert.Equal(["manufacturing", "retail"], tampines.Request!.Terms!);
        Assert.Equal(["more than 20 officers", "in tampines"], tampines.Query.Constraints);
        Assert.Equal("manufacturing, retail more than 20 officers, in tampines", tampines.Request.Message);
    }

    [Fact]
    public void Compose_ShouldTurnAnUnknownDropIntoAnExclusion_AndAddingItBackRemovesTheExclusion()
    {
        // Act
        var excluded = QueryComposer.Compose(Previous, "without logistics");
        var added = QueryComposer.Compose(excluded.Query, "also logistics");

        // Assert
        Assert.Equal(["manufacturing", "retail"], excluded.Request!.Terms!);
        Assert.Equal(["not logistics"], excluded.Query.Constraints);
        Assert.Empty(added.Query.Constraints);
        Assert.Equal(["manufacturing", "retail", "logistics"], added.Query.Industries);
    }

    [Fact]
    public void Compose_ShouldSendNoSearch_WhenTheLastIndustryIsDropped()
    {
        // Act
        var composed = QueryComposer.Compose(new ThreadQuery(["retail"], [], "retail"), "drop retail");

        // Assert
        Assert.Null(composed.Request);
        Assert.Empty(composed.Query.Industries);
    }

    [Fact]
    public void Understood_ShouldTakeTheSearchTerms_WhenTheQueryIsNew()
    {
        // Arrange
        var composed = QueryComposer.Compose(Previous, "Construction companies");
        var result = new SearchResult(["construction"], ["41001"], [], 5, 0, null, false, "", "background", [], "ssic_code", SearchUnderstanding.None, []);

        // Act
        var query = QueryComposer.Understood(composed, result);

        // Assert
        Assert.Equal(["construction"], query.Industries);
        Assert.Empty(query.Constraints);
        Assert.Equal("Construction companies", query.Message);
    }
}
