using System.Text;
using IcpSearch.Grains.Search;

namespace IcpSearch.Tests.Search;

public sealed class TermExtractorTests
{
    [Theory]
    [InlineData("Manufacturing", new[] { "manufacturing" })]
    [InlineData("logistics and warehousing", new[] { "logistics", "warehousing" })]
    [InlineData("Food & Beverage / Hotels; retail\nconstruction industry", new[] { "food", "beverage", "hotels", "retail", "construction" })]
    [InlineData("Find me manufacturing companies in Singapore", new[] { "manufacturing" })]
    [InlineData("software, SOFTWARE,  Software ", new[] { "software" })]
    [InlineData("freight   transport\r\nprecision engineering", new[] { "freight transport", "precision engineering" })]
    [InlineData("e-commerce & children's education", new[] { "e-commerce", "children's education" })]
    [InlineData("🏭 manufacturing!!! 🚚 logistics", new[] { "manufacturing logistics" })]
    [InlineData("制造业, Fertigung", new[] { "制造业", "fertigung" })]
    [InlineData("manufacturing, https://acme.example.com/about, logistics", new[] { "manufacturing", "logistics" })]
    [InlineData("'; DROP TABLE companies; --", new[] { "drop table" })]
    [InlineData("a, b, 42, 3d printing", new[] { "3d printing" })]
    public void Extract_ShouldSplitCleanAndDeduplicate_WhenGivenChatMessages(string message, string[] expected)
        => Assert.Equal(expected, TermExtractor.Extract(message));

    [Theory]
    [InlineData("example.com")]
    [InlineData("  www.acme.com.sg  ")]
    [InlineData("https://acme.sg/products?id=1")]
    [InlineData("http://localhost:8080/")]
    [InlineData("sub.domain.co.uk/path")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("industry sector companies")]
    [InlineData("!!! ??? 123 456")]
    public void Extract_ShouldYieldNoTerms_WhenTheMessageIsAUrlADomainOrNoise(string message)
        => Assert.Empty(TermExtractor.Extract(message));

    [Fact]
    public void Extract_ShouldHoldItsInvariants_WhenGivenThousandsOfRandomMessages()
    {
        // Arrange: random messages mixing words, separators, unicode, emoji, SQL meta-characters and whitespace.
        var random = new Random(1234);
        string[] pieces =
        [
            "manufacturing", "and", " & ", ",", ";", "/", "\n", "\r\n", "  ", "Logistics", "industry", "sectors", "companies",
            "x", "ab", "éclair", "Ünïcødé", "制造", "🚀", "🏭🏭", "'", "\"", "--", "%", "_", "\\", "DROP", "1", "2024", "e-commerce",
            "example.com", "https://x.io/a", "\t", "\u00a0", "\u200b", "ＦＵＬＬＷＩＤＴＨ", "Σίγμα", "ǅ", "İstanbul",
        ];

        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 40);
            for (var j = 0; j < length; j++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? " " : "");
            }

            var message = builder.ToString();

            // Act
            var terms = TermExtractor.Extract(message);

            // Assert
            AssertInvariants(message, terms);
        }
    }

    [Fact]
    public void Extract_ShouldStayBoundedAndFast_WhenGiven100KilobytesOfText()
    {
        // Arrange
        var message = string.Concat(Enumerable.Repeat("precision engineering and logistics, cafés & 🍜 noodles; ", 2000));

        // Act
        var terms = TermExtractor.Extract(message);

        // Assert
        Assert.True(message.Length >= 100_000);
        AssertInvariants(message, terms);
        Assert.Equal(["precision engineering", "logistics", "cafés", "noodles"], terms);
    }

    [Fact]
    public void Extract_ShouldKeepAtMostTenTerms_WhenTheMessageNamesMore()
    {
        // Arrange
        var message = string.Join(", ", Enumerable.Range(0, 25).Select(i => $"industry{(char)('a' + i)}x"));

        // Act
        var terms = TermExtractor.Extract(message);

        // Assert
        Assert.Equal(10, terms.Count);
        Assert.Equal("industryax", terms[0]);
        Assert.Equal("industryjx", terms[9]);
    }

    private static void AssertInvariants(string message, IReadOnlyList<string> terms)
    {
        Assert.True(terms.Count <= TermExtractor.MaxTerms, $"too many terms for: {message}");
        Assert.Equal(terms.Count, terms.Distinct(StringComparer.Ordinal).Count());
        foreach (var term in terms)
        {
            Assert.True(term.Length >= 2, $"'{term}' is shorter than 2");
            Assert.Contains(term, t => char.IsLetter(t));
            Assert.Equal(term, term.Trim());
            Assert.DoesNotContain("  ", term);
            Assert.Equal(term.ToLowerInvariant(), term);
            Assert.True(term.IndexOfAny([',', ';', '/', '\n', '\r', '&', '%', '"', '\\']) < 0, $"'{term}' keeps a separator or meta-character");
            Assert.True(term.Split(' ').Length <= TermExtractor.MaxWordsPerTerm);
            Assert.DoesNotContain(term.Split(' '), w => w is "industry" or "sector" or "companies" or "and");
        }
    }
}
