using IcpSearch.Gateway.TextInput;

namespace IcpSearch.Tests.Gateway;

/// <summary>The text rule as pure functions: what a field accepts and how URL components decode.</summary>
public sealed class TextValidatorTests
{
    [Theory]
    [InlineData("Manufacturing")]
    [InlineData("مرحبا بالعالم")]
    [InlineData("👩‍👩‍👧‍👦 e\u0301 \u202Eltr")]
    [InlineData("")]
    public void Check_ShouldAcceptWellFormedText_WhenItHasNoControlCharacters(string value)
        => Assert.Null(TextValidator.Check(value, new TextRule(100)));

    [Theory]
    [InlineData("a\0b", "NUL")]
    [InlineData("a\u0001", "U+0001")]
    [InlineData("a\u007f", "U+007F")]
    [InlineData("a\u0085", "U+0085")]
    [InlineData("tab\there", "U+0009")]
    [InlineData("line\nbreak", "U+000A")]
    public void Check_ShouldNameTheProblem_WhenTheTextHoldsControlCharactersOrBrokenUnicode(string value, string expected)
        => Assert.Contains(expected, TextValidator.Check(value, new TextRule(100)));

    [Fact]
    public void Check_ShouldRefuseLoneSurrogates_WhenTheTextIsNotWellFormedUtf16()
    {
        // Built from chars: a lone surrogate does not survive as theory data.
        Assert.Contains("lone surrogate", TextValidator.Check(new string(['x', (char)0xD800, 'y']), new TextRule(100)));
        Assert.Contains("lone surrogate", TextValidator.Check(new string(['x', (char)0xDC00]), new TextRule(100)));
        Assert.Null(TextValidator.Check(new string([(char)0xD83D, (char)0xDE00]), new TextRule(100)));
    }

    [Fact]
    public void Check_ShouldAllowTabsAndLineBreaks_OnlyWhereTheRuleSaysSo()
    {
        Assert.Null(TextValidator.Check("one\ttwo\r\nthree", new TextRule(100, AllowLineBreaks: true)));
        Assert.NotNull(TextValidator.Check("one\ttwo", new TextRule(100)));
        Assert.Contains("NUL", TextValidator.Check("a\0", new TextRule(100, AllowLineBreaks: true)));
        Assert.NotNull(TextValidator.Check("a\u000b", new TextRule(100, AllowLineBreaks: true)));
    }

    [Fact]
    public void Check_ShouldRefuseOverLongText_WhenItExceedsTheLimit()
    {
        Assert.Null(TextValidator.Check(new string('a', 100), new TextRule(100)));
        Assert.Contains("101", TextValidator.Check(new string('a', 101), new TextRule(100)));
    }

    [Theory]
    [InlineData("Manu+facturing", true, "Manu facturing")]
    [InlineData("Manu+facturing", false, "Manu+facturing")]
    [InlineData("caf%C3%A9", true, "café")]
    [InlineData("%F0%9F%98%80", true, "😀")]
    [InlineData("100%", true, "100%")]
    [InlineData("%G1", true, "%G1")]
    [InlineData("a%00b", true, "a\0b")]
    public void TryDecodeUrlComponent_ShouldDecodePercentEscapesAsUtf8_WhenTheBytesAreUtf8(string raw, bool plusIsSpace, string expected)
    {
        Assert.True(TextValidator.TryDecodeUrlComponent(raw, plusIsSpace, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("%FF")]
    [InlineData("%C0%AF")]
    [InlineData("%C3")]
    [InlineData("%ED%A0%80")]
    [InlineData("%F4%90%80%80")]
    public void TryDecodeUrlComponent_ShouldFail_WhenTheBytesAreNotUtf8(string raw)
        => Assert.False(TextValidator.TryDecodeUrlComponent(raw, plusIsSpace: true, out _));
}
