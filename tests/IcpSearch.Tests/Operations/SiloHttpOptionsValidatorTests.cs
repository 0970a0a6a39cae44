using IcpSearch.Silo.Dashboard;

namespace IcpSearch.Tests.Operations;

public sealed class SiloHttpOptionsValidatorTests
{
    private const string Password = "a-long-dashboard-password";

    [Theory]
    [InlineData("127.0.0.1", null, null, null)]
    [InlineData("::1", null, null, null)]
    [InlineData("0.0.0.0", "ops", Password, null)]
    [InlineData("0.0.0.0", null, null, "SILO_HTTP_BIND=0.0.0.0 exposes the dashboard")]
    [InlineData("localhost", null, null, "SILO_HTTP_BIND must be an IP address")]
    [InlineData("127.0.0.1", "ops", null, "must be set together")]
    [InlineData("127.0.0.1", "ops", "short", "DASHBOARD_PASSWORD must be at least 12 characters")]
    [InlineData("127.0.0.1", "o:ps", Password, "DASHBOARD_USERNAME must not contain ':'")]
    public void Validate_ShouldRefuseAnOpenOrBrokenSurface_NamingTheFlag(string bind, string? user, string? password, string? failure)
    {
        // Act
        var result = new SiloHttpOptionsValidator().Validate(null, new SiloHttpOptions { Bind = bind, DashboardUsername = user, DashboardPassword = password });

        // Assert
        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(failure, result.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Matches_ShouldAcceptOnlyTheExactPair_WhenCompared()
    {
        // Arrange
        var credentials = new DashboardCredentials("ops", Password);

        // Act / Assert
        Assert.True(credentials.Matches("ops", Password));
        Assert.False(credentials.Matches("ops", Password + " "));
        Assert.False(credentials.Matches("Ops", Password));
        Assert.False(credentials.Matches("ops", null));
        Assert.False(credentials.Matches(null, null));
    }
}
