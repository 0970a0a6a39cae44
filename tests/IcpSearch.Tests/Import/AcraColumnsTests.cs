using IcpSearch.Grains.Import;

namespace IcpSearch.Tests.Import;

public sealed class AcraColumnsTests
{
    [Fact]
    public void Map_ShouldFindEveryColumnByATenCharacterName_WhenHeadersWereCutForDbf()
    {
        // Arrange
        var failures = new List<string>();

        // Act
        foreach (var (column, index) in AcraColumns.All.Select((c, i) => (c, i)))
        {
            var dbfNames = column.Aliases.Prepend(column.Name).Select(n => n.Length > 10 ? n[..10] : n).Distinct();
            if (!dbfNames.Any(name => AcraColumns.Map([name]).FieldOf[index] == 0))
            {
                failures.Add(column.Name);
            }
        }

        // Assert
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("entity_status_de", "entity_status_description")]
    [InlineData("ENTITY_STATUS_DESCRIPTION", "entity_status_description")]
    [InlineData("Entity Status Description", "entity_status_description")]
    [InlineData("registrati", "registration_incorporation_date")]
    [InlineData("registration_incorp", "registration_incorporation_date")]
    [InlineData("primary_ssic_cod", "primary_ssic_code")]
    [InlineData("secondary_ssic_des", "secondary_ssic_description")]
    [InlineData("other_address_line_2", "other_address_line2")]
    [InlineData("no_of_offi", "no_of_officers")]
    [InlineData("uen", "uen")]
    public void Map_ShouldMatchColumn_WhenHeaderIsANameAliasOrTruncation(string header, string column)
    {
        // Act
        var map = AcraColumns.Map(["x", header]);

        // Assert
        var index = AcraColumns.All.Select((c, i) => (c, i)).Single(p => p.c.Name == column).i;
        Assert.Equal(1, map.FieldOf[index]);
        Assert.Equal(["unknown column 'x' ignored"], map.Warnings);
    }

    [Fact]
    public void Map_ShouldWarnAndIgnore_WhenHeaderIsAmbiguousRepeatedShortOrEmpty()
    {
        // Act
        var map = AcraColumns.Map(["uen", "other_addr", "UEN", "entity", ""]);

        // Assert
        Assert.Equal(0, map.FieldOf[AcraColumns.UenIndex]);
        Assert.Equal(
        [
            "column 'other_addr' could be any of other_address_line1, other_address_line2; ignored",
            "column 'UEN' repeats uen (column 1); ignored",
            "unknown column 'entity' ignored",
            "column 5 has no name; ignored",
        ], map.Warnings);
    }

    [Theory]
    [InlineData("1111", "01111")]
    [InlineData("01111", "01111")]
    [InlineData("46900", "46900")]
    [InlineData("7", "00007")]
    public void TryNormaliseSsic_ShouldPadToFiveDigits_WhenCodeHasOneToFiveDigits(string raw, string expected)
    {
        // Act
        var ok = AcraValues.TryNormaliseSsic(raw, out var code);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("469001")]
    [InlineData("4690A")]
    [InlineData("46 90")]
    [InlineData("-4690")]
    public void TryNormaliseSsic_ShouldRefuse_WhenCodeIsNotOneToFiveDigits(string raw)
    {
        // Act
        var ok = AcraValues.TryNormaliseSsic(raw, out _);

        // Assert
        Assert.False(ok);
    }

    [Theory]
    [InlineData("2019-03-01", true)]
    [InlineData("01/03/2019", true)]
    [InlineData("1/3/2019", true)]
    [InlineData("2019/03/01", false)]
    [InlineData("31/02/2019", false)]
    [InlineData("03-01-2019", false)]
    public void TryParseDate_ShouldAcceptIsoAndDayMonthYear_WhenDateIsWellFormed(string raw, bool expected)
    {
        // Act
        var ok = AcraValues.TryParseDate(raw, out var date);

        // Assert
        Assert.Equal(expected, ok);
        if (ok)
        {
            Assert.Equal(new DateOnly(2019, 3, 1), date);
        }
    }
}
