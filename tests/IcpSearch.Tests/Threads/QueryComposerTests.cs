using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Search.Understanding;
using IcpSearch.Grains.Threads;

namespace IcpSearch.Tests.Threads;

public sealed class QueryComposerTests
{
    private static readonly ThreadQuery Previous = QueryComposer.Compose(null, "Manufacturing and retail companies").Query;

    [Fact]
    public void Compose_ShouldSearchWhatTheParserUnderstands_WhenTheThreadStarts()
    {
        // Arrange
        const string text = "Manufacturing companies in Jurong with 20+ officers";
        var parsed = MessageParser.Parse(text);

        // Act
        var composed = QueryComposer.Compose(null, text);

        // Assert: the same understanding as POST /chat, carried to the search as it is.
        Assert.Equal(FollowUpKind.New, composed.Turn.Kind);
        Assert.Equal(["manufacturing"], composed.Query.Industries);
        Assert.Equal(["22"], composed.Query.Filters.Districts);
        Assert.Equal(20, composed.Query.Filters.Officers!.Min);
        Assert.Equal(parsed.Constraints, composed.Query.Constraints.Select(c => c.Words));
        Assert.Equal(text, composed.Request!.Message);
        Assert.Null(composed.Request.Terms);
        Assert.Equal(parsed.Industries, composed.Request.Query!.Industries);
        Assert.Equal(parsed.Filters.Districts, composed.Request.Query.Filters.Districts);
        Assert.Equal(parsed.Constraints, composed.Request.Query.Constraints);
        Assert.Null(composed.Change);
    }

    [Fact]
    public void Compose_ShouldStartOver_WhenAMessageIsNotAFollowUp()
    {
        // Act
        var composed = QueryComposer.Compose(Previous, "Construction companies");

        // Assert
        Assert.Equal(["construction"], composed.Query.Industries);
        Assert.Empty(composed.Query.Constraints);
    }

    [Fact]
    public void Compose_ShouldNarrowTheIndustries_WhenAnIndustryIsDropped()
    {
        // Act
        var composed = QueryComposer.Compose(Previous, "drop retail");

        // Assert
        Assert.Equal(["manufacturing", "retail"], Previous.Industries);
        Assert.Equal(["manufacturing"], composed.Query.Industries);
        Assert.Equal(["manufacturing"], composed.Request!.Query!.Industries);
        Assert.Equal("Dropped *retail* from the previous query.", composed.Change);
    }

    [Fact]
    public void Compose_ShouldAddIndustriesOnce_WhenIndustriesAreAdded()
    {
        // Act
        var composed = QueryComposer.Compose(Previous, "also logistics and retail");

        // Assert
        Assert.Equal(["manufacturing", "retail", "logistics"], composed.Request!.Query!.Industries);
        Assert.Equal("Added *logistics* to the previous query.", composed.Change);
    }

    [Fact]
    public void Compose_ShouldSetTypedFilters_AndANewerConstraintOfAKindReplacesTheOlder()
    {
        // Act
        var jurong = QueryComposer.Compose(Previous, "only in Jurong");
        var officers = QueryComposer.Compose(jurong.Query, "more than 20 officers");
        var since = QueryComposer.Compose(officers.Query, "incorporated after 2015");
        var tampines = QueryComposer.Compose(since.Query, "only in Tampines");

        // Assert: the district is replaced; officers and incorporation stay; the industries never change.
        Assert.Equal(["22"], jurong.Request!.Query!.Filters.Districts);
        var filters = tampines.Request!.Query!.Filters;
        Assert.Equal(MessageParser.Parse("in Tampines").Filters.Districts, filters.Districts);
        Assert.DoesNotContain("22", filters.Districts);
        Assert.Equal(new NumberRange(21, null), filters.Officers);
        Assert.Equal(MessageParser.Parse("incorporated after 2015").Filters.Incorporated, filters.Incorporated);
        Assert.Equal(["manufacturing", "retail"], tampines.Query.Industries);
        Assert.Equal(3, tampines.Query.Constraints.Count);
        Assert.Equal(tampines.Query.Constraints.Select(c => c.Words), tampines.Request.Query.Constraints);
        Assert.StartsWith("Restricted the previous query: ", officers.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldKeepTheQuery_WhenARestrictionNamesNothingTheParserReads()
    {
        // Act
        var composed = QueryComposer.Compose(Previous, "only in Narnia");

        // Assert
        Assert.Equal(FollowUpKind.Restrict, composed.Turn.Kind);
        Assert.Equal(Previous.Industries, composed.Query.Industries);
        Assert.Same(Previous.Filters, composed.Query.Filters);
        Assert.Equal(Previous.Constraints, composed.Query.Constraints);
        Assert.Contains("could not read a constraint", composed.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShouldTurnAnUnknownDropIntoAnExclusion_AndAddingItBackRemovesTheExclusion()
    {
        // Act
        var excluded = QueryComposer.Compose(Previous, "without logistics");
        var added = QueryComposer.Compose(excluded.Query, "also logistics");

        // Assert
        Assert.Equal(["manufacturing", "retail"], excluded.Request!.Query!.Industries);
        Assert.Equal(["logistics"], excluded.Request.Query.Filters.Exclude);
        Assert.Equal(["except logistics"], excluded.Query.Constraints.Select(c => c.Words));
        Assert.Empty(added.Query.Constraints);
        Assert.Empty(added.Query.Filters.Exclude);
        Assert.Equal(["manufacturing", "retail", "logistics"], added.Query.Industries);
    }

    [Fact]
    public void Compose_ShouldSendNoSearch_WhenTheLastIndustryIsDropped()
    {
        // Act
        var composed = QueryComposer.Compose(QueryComposer.Compose(null, "retail").Query, "drop retail");

        // Assert
        Assert.Null(composed.Request);
        Assert.Empty(composed.Query.Industries);
    }

    [Fact]
    public void ReadQuery_ShouldRoundTripTheQuery_AndStartOverOnAQueryOfAnOlderShape()
    {
        // Arrange
        var query = QueryComposer.Compose(Previous, "incorporated after 2015").Query;
        var values = ThreadValues.WithAnswer("{}", ThreadValues.AiMessage("a", "x"), query, null, null, "/");

        // Act
        var read = ThreadValues.ReadQuery(values);

        // Assert
        Assert.Equal(query.Industries, read!.Industries);
        Assert.Equal(query.Filters.Incorporated, read.Filters.Incorporated);
        Assert.Equal(query.Constraints.Select(c => c.Words), read.Constraints.Select(c => c.Words));
        Assert.Null(ThreadValues.ReadQuery("""{"query":{"industries":["retail"],"constraints":["in jurong"],"message":"retail"}}"""));
    }
}
