using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Tests.Search.Understanding;

public sealed class MessageParserTests
{
    // The gateway's own naming policy: the filters' wire shape, as the labelled evaluation set writes it.
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public void Parse_ShouldSplitTheIssueSentenceIntoIndustryLocationAndOfficers()
    {
        // Act
        var parsed = MessageParser.Parse("Manufacturing companies in Jurong with more than 20 officers");

        // Assert
        Assert.Equal(["manufacturing"], parsed.Industries);
        Assert.Equal(["22"], parsed.Filters.Districts);
        Assert.Equal(21, parsed.Filters.Officers!.Min);
        Assert.Null(parsed.Filters.Officers.Max);
        Assert.Equal(["live"], parsed.Filters.Statuses);
        Assert.Equal(["Jurong (D22)", "more than 20 officers"], parsed.Constraints);
        Assert.Empty(parsed.Unmatched);
    }

    [Fact]
    public void Filters_ShouldSerialiseToTheEvaluationSetShape_WhenEveryKindOfConstraintIsGiven()
    {
        // Act
        var parsed = MessageParser.Parse("Pte Ltd manufacturing except food in D22 with more than 20 officers, incorporated after 2015, less than 3 years old, 50 employees");
        var json = JsonSerializer.SerializeToNode(parsed.Filters, Wire)!;

        // Assert
        var expected = JsonNode.Parse("""
            {"districts":["22"], "officers":{"min":21,"max":null}, "incorporated":{"from":"2016-01-01","to":null},
             "age_years":{"min":null,"max":3}, "entity_types":["private_limited"], "statuses":["live"], "exclude":["food"],
             "not_applicable":["employees"]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
        Assert.Equal(["manufacturing"], parsed.Industries);
    }

    [Fact]
    public void Filters_ShouldBeLiveOnlyAndOtherwiseOpen_WhenTheMessageNamesOnlyAnIndustry()
    {
        // Act
        var json = JsonSerializer.SerializeToNode(MessageParser.Parse("logistics").Filters, Wire)!;

        // Assert
        var expected = JsonNode.Parse("""
            {"districts":[], "officers":null, "incorporated":null, "age_years":null, "entity_types":[], "statuses":["live"],
             "exclude":[], "not_applicable":[]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Theory]
    [InlineData("hotels, restaurants and cafes", new[] { "hotels", "restaurants", "cafes" })]
    [InlineData("logistics and warehousing", new[] { "logistics", "warehousing" })]
    [InlineData("I sell payroll software to hotels and law firms", new[] { "hotels", "law firms" })]
    [InlineData("we sell to F&B", new[] { "f&b" })]
    [InlineData("looking for fintech companies", new[] { "fintech" })]
    [InlineData("companies doing precision engineering", new[] { "precision engineering" })]
    [InlineData("Find me IT companies", new[] { "it" })]
    [InlineData("I want it all: construction firms", new[] { "construction" })]
    [InlineData("businesses, providers and players in the logistics space", new[] { "logistics" })]
    [InlineData("food and beverage companies", new[] { "food and beverage" })]
    [InlineData("Food & Beverage / Hotels; retail\nconstruction industry", new[] { "food and beverage", "hotels", "retail", "construction" })]
    [InlineData("e-commerce & children's education", new[] { "e-commerce", "children's education" })]
    [InlineData("software, SOFTWARE,  Software ", new[] { "software" })]
    [InlineData("制造业, Fertigung", new[] { "制造业", "fertigung" })]
    [InlineData("SMEs in the construction sector", new[] { "construction" })]
    [InlineData("accounting firms or audit firms", new[] { "accounting firms", "audit firms" })]
    [InlineData("live accounting firms in Bedok", new[] { "accounting firms" })]
    [InlineData("active logistics companies", new[] { "logistics" })]
    [InlineData("live music companies", new[] { "live music" })]
    [InlineData("live events firms", new[] { "live events" })]
    public void Parse_ShouldYieldTheIndustryPhrases_WhenGivenSdrMessages(string message, string[] expected)
        => Assert.Equal(expected, MessageParser.Parse(message).Industries);

    [Theory]
    [InlineData("more than 20 officers", 21, null)]
    [InlineData("at least 10 officers", 10, null)]
    [InlineData("construction with at least 10", 10, null)]
    [InlineData("10-50 officers", 10, 50)]
    [InlineData("10–50 officers", 10, 50)]
    [InlineData("10 to 50 directors", 10, 50)]
    [InlineData("between 10 and 50 officers", 10, 50)]
    [InlineData("logistics, 10–50", 10, 50)]
    [InlineData("20+ officers", 20, null)]
    [InlineData("20 or more officers", 20, null)]
    [InlineData("fewer than 5 officers", null, 4)]
    [InlineData("under 5 officers", null, 4)]
    [InlineData("up to 50 officers", null, 50)]
    [InlineData("at most 3 officers", null, 3)]
    [InlineData("exactly 7 officers", 7, 7)]
    [InlineData("over 20 officers but at most 40 officers", 21, 40)]
    public void Parse_ShouldTypeTheOfficerRange(string message, int? min, int? max)
    {
        // Act
        var officers = MessageParser.Parse(message).Filters.Officers;

        // Assert
        Assert.NotNull(officers);
        Assert.Equal(min, officers.Min);
        Assert.Equal(max, officers.Max);
    }

    [Theory]
    [InlineData("incorporated after 2015", "2016-01-01", null)]
    [InlineData("since 2010", "2010-01-01", null)]
    [InlineData("founded before 2000", null, "1999-12-31")]
    [InlineData("incorporated in 2018", "2018-01-01", "2018-12-31")]
    [InlineData("established between 2010 and 2015", "2010-01-01", "2015-12-31")]
    [InlineData("registered 2012-2014", "2012-01-01", "2014-12-31")]
    [InlineData("2019 onwards", "2019-01-01", null)]
    [InlineData("incorporated since 2010 and before 2020", "2010-01-01", "2019-12-31")]
    public void Parse_ShouldTypeTheIncorporationDates(string message, string? from, string? to)
    {
        // Act
        var incorporated = MessageParser.Parse("logistics " + message).Filters.Incorporated;

        // Assert
        Assert.NotNull(incorporated);
        Assert.Equal(from, incorporated.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(to, incorporated.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["logistics"], MessageParser.Parse("logistics " + message).Industries);
    }

    [Theory]
    [InlineData("less than 3 years old", null, 3)]
    [InlineData("under 5 years old", null, 5)]
    [InlineData("at least 10 years old", 10, null)]
    [InlineData("more than 10 years old", 10, null)]
    [InlineData("older than 20 years", 20, null)]
    [InlineData("10+ years in business", 10, null)]
    [InlineData("incorporated in the last 2 years", null, 2)]
    [InlineData("between 3 and 10 years old", 3, 10)]
    [InlineData("5 years old", 5, 6)]
    public void Parse_ShouldTypeTheAge_AndNotMistakeItForOfficers(string message, int? min, int? max)
    {
        // Act
        var filters = MessageParser.Parse("retail " + message).Filters;

        // Assert
        Assert.NotNull(filters.AgeYears);
        Assert.Equal(min, filters.AgeYears.Min);
        Assert.Equal(max, filters.AgeYears.Max);
        Assert.Null(filters.Officers);
    }

    [Theory]
    [InlineData("Pte Ltd logistics companies", "private_limited")]
    [InlineData("private limited companies in logistics", "private_limited")]
    [InlineData("logistics LLPs", "llp")]
    [InlineData("limited liability partnerships doing logistics", "llp")]
    [InlineData("sole proprietorships in logistics", "sole_proprietorship")]
    [InlineData("logistics partnerships", "partnership")]
    [InlineData("foreign companies in logistics", "foreign_company")]
    [InlineData("foreign branches doing logistics", "foreign_company")]
    [InlineData("public listed companies in logistics", "public_company")]
    public void Parse_ShouldTypeTheEntityType(string message, string type)
    {
        // Act
        var parsed = MessageParser.Parse(message);

        // Assert
        Assert.Equal([type], parsed.Filters.EntityTypes);
        Assert.Equal(["logistics"], parsed.Industries);
    }

    [Theory]
    [InlineData("logistics in Jurong", new[] { "22" })]
    [InlineData("logistics in Woodlands", new[] { "25" })]
    [InlineData("Woodlands logistics", new[] { "25" })]
    [InlineData("logistics D22", new[] { "22" })]
    [InlineData("logistics in d9 or D10", new[] { "09", "10" })]
    [InlineData("logistics in districts 9 and 10", new[] { "09", "10" })]
    [InlineData("logistics in Ang Mo Kio", new[] { "20" })]
    [InlineData("logistics in Upper Bukit Timah", new[] { "21" })]
    [InlineData("logistics in Bukit Timah", new[] { "10" })]
    [InlineData("logistics in Tampines or Pasir Ris", new[] { "18" })]
    [InlineData("logistics in central", new[] { "01", "02", "06", "09", "10", "11" })]
    [InlineData("logistics in the east", new[] { "14", "15", "16", "17", "18" })]
    [InlineData("logistics, west region", new[] { "05", "21", "22", "23", "24" })]
    public void Parse_ShouldMapPlacesToPostalDistricts(string message, string[] districts)
    {
        // Act
        var parsed = MessageParser.Parse(message);

        // Assert
        Assert.Equal(districts, parsed.Filters.Districts);
        Assert.Equal(["logistics"], parsed.Industries);
    }

    [Fact]
    public void Parse_ShouldNotReadARegionWordWithoutItsContext_AsAPlace()
    {
        // Act
        var parsed = MessageParser.Parse("central kitchens");

        // Assert
        Assert.Empty(parsed.Filters.Districts);
        Assert.Equal(["central kitchens"], parsed.Industries);
    }

    [Theory]
    [InlineData("manufacturing except food", new[] { "manufacturing" }, new[] { "food" })]
    [InlineData("manufacturing excluding food and tobacco in Jurong", new[] { "manufacturing" }, new[] { "food", "tobacco" })]
    [InlineData("construction but not renovation, 10+ officers", new[] { "construction" }, new[] { "renovation" })]
    [InlineData("retail other than supermarkets", new[] { "retail" }, new[] { "supermarkets" })]
    public void Parse_ShouldSeparateExclusions(string message, string[] industries, string[] exclude)
    {
        // Act
        var parsed = MessageParser.Parse(message);

        // Assert
        Assert.Equal(industries, parsed.Industries);
        Assert.Equal(exclude, parsed.Filters.Exclude);
    }

    [Theory]
    [InlineData("logistics with 50 employees", "employees")]
    [InlineData("logistics with more than 100 staff", "employees")]
    [InlineData("logistics, headcount 200+", "employees")]
    [InlineData("logistics with revenue over $5m", "revenue")]
    [InlineData("logistics with S$10 million turnover", "revenue")]
    [InlineData("logistics SMEs", "size")]
    public void Parse_ShouldReportWhatTheRegistryCannotAnswer_AsNotApplicable(string message, string what)
    {
        // Act
        var parsed = MessageParser.Parse(message);

        // Assert
        Assert.Equal([what], parsed.Filters.NotApplicable);
        Assert.Equal(["logistics"], parsed.Industries);
        Assert.Null(parsed.Filters.Officers);
    }

    [Theory]
    [InlineData("logistics including struck off companies", new string[0])]
    [InlineData("logistics, any status", new string[0])]
    [InlineData("struck off logistics companies", new[] { "inactive" })]
    [InlineData("only active logistics companies", new[] { "live" })]
    public void Parse_ShouldTypeTheStatus(string message, string[] statuses)
    {
        // Act
        var parsed = MessageParser.Parse(message);

        // Assert
        Assert.Equal(statuses, parsed.Filters.Statuses);
        Assert.Equal(["logistics"], parsed.Industries);
    }

    [Theory]
    [InlineData("logistics with 42 widgets", "42")]
    [InlineData("logistics 🚚🚚", "🚚🚚")]
    [InlineData("logistics in D99", "D99")]
    [InlineData("logistics, see https://acme.example.com/about", "https://acme.example.com/about")]
    public void Parse_ShouldReportWordsItCannotPlace_AndNeverSearchThem(string message, string unmatched)
    {
        // Act
        var parsed = MessageParser.Parse(message);

        // Assert
        Assert.Contains(unmatched, parsed.Unmatched);
        Assert.DoesNotContain(parsed.Industries, p => p.Contains(unmatched, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("logistics", parsed.Industries);
    }

    [Fact]
    public void Parse_ShouldReportProse_InsteadOfSearchingALongRunOfWords()
    {
        // Act
        var parsed = MessageParser.Parse("purveyors of artisanal hand crafted bespoke luxury goods");

        // Assert
        Assert.Empty(parsed.Industries);
        Assert.Single(parsed.Unmatched);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("industry sector companies")]
    [InlineData("!!! ??? ...")]
    [InlineData("\0\0\0")]
    [InlineData("\u200f\u202e\u2066")]
    public void Parse_ShouldYieldNothingToSearch_WhenTheMessageHasNoIndustryWord(string message)
        => Assert.Empty(MessageParser.Parse(message).Industries);

    [Theory]
    [InlineData("'; DROP TABLE companies; --")]
    [InlineData("logistics%' OR 1=1 --")]
    [InlineData(@"(a+)+$ [[:alpha:]] \d{1000000} .*.*.*")]
    [InlineData("شركات الخدمات اللوجستية")]
    [InlineData("חברות לוגיסטיקה")]
    [InlineData("log\0istics\u0007 \u001b[31m")]
    [InlineData("👨‍👩‍👧‍👦🏭🚚💥")]
    public void Parse_ShouldKeepOnlyWordCharacters_WhenGivenHostileText(string message)
    {
        // Act
        var parsed = MessageParser.Parse(message);

        // Assert
        Assert.All(parsed.Industries, p => Assert.All(p, c => Assert.True(char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '&' or '.' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark, $"'{c}' in '{p}'")));
        Assert.All(parsed.Industries, p => Assert.DoesNotContain('\0', p));
        Assert.True(parsed.Industries.Count <= MessageParser.MaxPhrases);
    }

    [Fact]
    public void Parse_ShouldSplitAWordThatANulCharacterInterrupts()
        => Assert.Equal(["log", "istics"], MessageParser.Parse("log\0istics").Industries.SelectMany(p => p.Split(' ')));

    [Fact]
    public void Parse_ShouldStayBoundedAndFast_WhenGivenAHundredKilobytes()
    {
        // Arrange: 100 KB of words, numbers, metacharacters and emoji.
        var builder = new StringBuilder();
        var random = new Random(7);
        string[] parts = ["logistics", "more than", "20", "officers", "in", "(", ")+", "*", "🚚", "'", "--", "and", ",", "D", "except", "2015"];
        while (builder.Length < 100_000)
        {
            builder.Append(parts[random.Next(parts.Length)]).Append(' ');
        }

        // Act
        var parsed = MessageParser.Parse(builder.ToString());

        // Assert
        Assert.True(parsed.Industries.Count <= MessageParser.MaxPhrases);
        Assert.True(parsed.Unmatched.Count <= MessageParser.MaxUnmatched);
        Assert.Contains("logistics", parsed.Industries);
    }

    [Fact]
    public void Parse_ShouldReportPhrasesBeyondTheLimit_AsUnmatched()
    {
        // Arrange
        var message = string.Join(", ", Enumerable.Range(0, 12).Select(i => "industry" + (char)('a' + i)));

        // Act
        var parsed = MessageParser.Parse(message);

        // Assert
        Assert.Equal(MessageParser.MaxPhrases, parsed.Industries.Count);
        Assert.Equal(["industryk", "industryl"], parsed.Unmatched);
    }

    [Fact]
    public void Parse_ShouldHoldItsInvariants_WhenGivenThousandsOfRandomMessages()
    {
        // Arrange
        var random = new Random(42);
        string[] pieces =
        [
            "logistics", "and", "or", ",", "in", "Jurong", "D", "22", "more than", "officers", "since", "2015", "years old",
            "except", "Pte Ltd", "LLP", "🚚", "\0", "'", "%", "_", "\\", "שלום", "制造", "employees", "$", "5m", "to", "sell", "I",
        ];

        for (var i = 0; i < 3000; i++)
        {
            var message = string.Join(random.Next(2) == 0 ? " " : "", Enumerable.Range(0, random.Next(1, 15)).Select(_ => pieces[random.Next(pieces.Length)]));

            // Act
            var parsed = MessageParser.Parse(message);

            // Assert
            Assert.True(parsed.Industries.Count <= MessageParser.MaxPhrases, message);
            Assert.All(parsed.Industries, p => Assert.True(p.Length > 0 && p.Any(char.IsLetter) && !p.Contains('\0') && p == p.Trim(), message));
            Assert.All(parsed.Filters.Districts, d => Assert.InRange(int.Parse(d, System.Globalization.CultureInfo.InvariantCulture), 1, 28));
        }
    }
}
