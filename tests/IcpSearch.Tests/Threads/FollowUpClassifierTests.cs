using IcpSearch.Grains.Threads;

namespace IcpSearch.Tests.Threads;

public sealed class FollowUpClassifierTests
{
    [Theory]
    [InlineData("also logistics", FollowUpKind.Add, new[] { "logistics" })]
    [InlineData("And retail", FollowUpKind.Add, new[] { "retail" })]
    [InlineData("ok, also logistics and warehousing please", FollowUpKind.Add, new[] { "logistics", "warehousing" })]
    [InlineData("construction too", FollowUpKind.Add, new[] { "construction" })]
    [InlineData("drop retail", FollowUpKind.Drop, new[] { "retail" })]
    [InlineData("Without retail.", FollowUpKind.Drop, new[] { "retail" })]
    [InlineData("not food, beverages", FollowUpKind.Drop, new[] { "food", "beverages" })]
    [InlineData("only in Jurong", FollowUpKind.Restrict, new[] { "in jurong" })]
    [InlineData("in Ang Mo Kio", FollowUpKind.Restrict, new[] { "in ang mo kio" })]
    [InlineData("based in Tampines!", FollowUpKind.Restrict, new[] { "in tampines" })]
    [InlineData("more than 20 officers", FollowUpKind.Restrict, new[] { "more than 20 officers" })]
    [InlineData("with 20+ officers", FollowUpKind.Restrict, new[] { "at least 20 officers" })]
    [InlineData("only companies with fewer than 5 officers", FollowUpKind.Restrict, new[] { "fewer than 5 officers" })]
    [InlineData("incorporated after 2015", FollowUpKind.Restrict, new[] { "incorporated after 2015" })]
    [InlineData("founded since 2010-06", FollowUpKind.Restrict, new[] { "incorporated after 2010-06" })]
    [InlineData("incorporated before 2000", FollowUpKind.Restrict, new[] { "incorporated before 2000" })]
    public void Classify_ShouldRecogniseTheRefinement_WhenTheMessageIsAFollowUp(string text, FollowUpKind kind, string[] phrases)
    {
        // Act
        var turn = FollowUpClassifier.Classify(text);

        // Assert
        Assert.Equal(kind, turn.Kind);
        Assert.Equal(phrases, turn.Phrases);
    }

    [Theory]
    [InlineData("Manufacturing")]
    [InlineData("Manufacturing companies in Jurong with 20+ officers")]
    [InlineData("new search: also logistics")]
    [InlineData("start over with retail")]
    [InlineData("logistics and warehousing")]
    [InlineData("also")]
    [InlineData("drop")]
    [InlineData("in 2019")]
    [InlineData("")]
    [InlineData("   ")]
    public void Classify_ShouldSayNewQuery_WhenTheMessageIsNotARefinement(string text)
        => Assert.Equal(FollowUp.NewQuery, FollowUpClassifier.Classify(text));

    [Fact]
    public void Classify_ShouldSayNewQuery_WhenTheMessageIsLong()
        => Assert.Equal(FollowUpKind.New, FollowUpClassifier.Classify("also " + new string('x', 400)).Kind);

    [Theory]
    [InlineData("Jurong (D22)", new[] { FilterKinds.Districts })]
    [InlineData("more than 20 officers", new[] { FilterKinds.Officers })]
    [InlineData("incorporated after 2015", new[] { FilterKinds.Incorporated })]
    [InlineData("except retail", new[] { FilterKinds.Exclude })]
    [InlineData("logistics", new string[0])]
    public void FilterKinds_ShouldReadTheKindOfAConstraintFromItsWords(string words, string[] kinds)
        => Assert.Equal(kinds, FilterKinds.OfWords(words));
}
