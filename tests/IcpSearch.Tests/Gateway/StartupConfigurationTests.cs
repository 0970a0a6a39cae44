using System.Diagnostics;
using IcpSearch.Gateway.Auth;
using IcpSearch.Gateway.Tenancy;
using IcpSearch.ServiceDefaults;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// A production configuration cannot start open by accident: the gateway process refuses to start and names the flag.
/// </summary>
public sealed class StartupConfigurationTests
{
    private const string Key = "a-production-signing-key-of-32-bytes-or-more";

    [Theory]
    [InlineData("AUTH_MODE=off", "AUTH_MODE")]
    [InlineData("DEFAULT_TENANT=demo", "DEFAULT_TENANT")]
    [InlineData("JWT_SIGNING_KEY=short", "JWT_SIGNING_KEY")]
    [InlineData("AUTH_MODE=basic", "AUTH_MODE")]
    [InlineData("JWT_SIGNING_KEY=", "JWT_SIGNING_KEY")]
    public async Task GatewayProcess_ShouldExitWith2NamingTheFlag_WhenProductionConfigurationIsUnsafe(string change, string flag)
    {
        // Arrange: a complete production configuration, then one unsafe change.
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ICPSEARCH_DB"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=never-printed",
            ["JWT_SIGNING_KEY"] = Key,
            ["JWT_ISSUER"] = "https://issuer.example",
            ["JWT_AUDIENCE"] = "icpsearch-api",
        };
        var (name, value) = (change.Split('=')[0], change.Split('=', 2)[1]);
        environment[name] = value;

        // Act
        var (exitCode, errors) = await RunGatewayAsync(environment);

        // Assert
        Assert.True(exitCode == 2, $"exit code {exitCode}: {errors}");
        Assert.Contains(flag, errors, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("never-printed", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ShouldDefaultToJwt_WhenOutsideDevelopment()
    {
        // Arrange
        var options = new AuthOptions { SigningKey = Key, Issuer = "i", Audience = "a" };

        // Act
        var resolved = AuthSettings.Resolve(options, new TenantOptions(), isDevelopment: false);

        // Assert
        Assert.Equal(AuthOptions.JwtMode, resolved.Mode);
        Assert.True(resolved.Enabled);
    }

    [Fact]
    public void Resolve_ShouldDefaultToOff_WhenInDevelopment()
    {
        // Arrange
        var options = new AuthOptions();

        // Act
        var resolved = AuthSettings.Resolve(options, new TenantOptions { DefaultTenant = "demo" }, isDevelopment: true);

        // Assert
        Assert.Equal(AuthOptions.OffMode, resolved.Mode);
        Assert.False(resolved.Enabled);
    }

    [Fact]
    public void Resolve_ShouldRequireAudienceAndOneKeySource_WhenJwt()
    {
        // Arrange
        var options = new AuthOptions { Mode = "jwt", SigningKey = Key, Authority = "https://login.example", Issuer = "i" };

        // Act
        var failure = Assert.Throws<FlagException>(() => AuthSettings.Resolve(options, new TenantOptions(), isDevelopment: false));

        // Assert
        Assert.Contains("exactly one of JWT_SIGNING_KEY", failure.Message);
        Assert.Contains("JWT_AUDIENCE", failure.Message);
    }

    private static async Task<(int ExitCode, string Errors)> RunGatewayAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IcpSearch.Gateway.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var variable in new[] { "AUTH_MODE", "DEFAULT_TENANT", "JWT_SIGNING_KEY", "JWT_ISSUER", "JWT_AUDIENCE", "JWT_AUTHORITY", "GATEWAY_PORT" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return await ChildProcess.RunToExitAsync(start);
    }
}
