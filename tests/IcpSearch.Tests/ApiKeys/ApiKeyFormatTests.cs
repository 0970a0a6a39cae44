using IcpSearch.GrainInterfaces.ApiKeys;

namespace IcpSearch.Tests.ApiKeys;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void Generate_ShouldMakeKeysThatParseBackToTheirIdAndHash()
    {
        // Act
        var (key, keyId, hash) = ApiKeyFormat.Generate();

        // Assert
        Assert.True(ApiKeyFormat.TryParse(key, out var parsedId, out var secret));
        Assert.Equal(keyId, parsedId);
        Assert.True(ApiKeyFormat.HashesEqual(hash, ApiKeyFormat.Hash(secret)));
        Assert.Equal(32, hash.Length);
        Assert.DoesNotContain(Convert.ToHexString(hash), key, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(key, ApiKeyFormat.Generate().Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("icp_")]
    [InlineData("icp_0123456789abcdef")]
    [InlineData("icp_0123456789abcdef_")]
    [InlineData("icp_0123456789ABCDEF_secret")]
    [InlineData("icp_0123_secret")]
    [InlineData("sk-0123456789abcdef_secret")]
    [InlineData("Bearer icp_0123456789abcdef_secret")]
    public void TryParse_ShouldRefuse_WhenTheValueIsNotShapedLikeAKey(string? key)
        => Assert.False(ApiKeyFormat.TryParse(key, out _, out _));

    [Fact]
    public void HashesEqual_ShouldBeFalse_WhenOneByteDiffers()
    {
        // Arrange
        var hash = ApiKeyFormat.Hash("secret");
        var other = (byte[])hash.Clone();
        other[^1] ^= 1;

        // Act / Assert
        Assert.False(ApiKeyFormat.HashesEqual(hash, other));
        Assert.False(ApiKeyFormat.HashesEqual(hash, hash[..16]));
    }
}
