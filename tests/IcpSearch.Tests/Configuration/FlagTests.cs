using System.Collections;
using System.Diagnostics;
using IcpSearch.Grains.Extensions;
using IcpSearch.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SiloExtensions = IcpSearch.Silo.Extensions.Extensions;

namespace IcpSearch.Tests.Configuration;

public sealed class FlagTests
{
    [Fact]
    public void AddFlags_ShouldMapFlatVariablesOntoOptionsSections_WhenValuesAreWellFormed()
    {
        // Arrange
        var environment = new Hashtable
        {
            ["STAGING_BATCH_SIZE"] = "750", ["JOBS_RUN_IMMEDIATELY"] = "yes", ["ENRICHMENT_TIMEOUT_MS"] = "1500", ["STAGING_UPSERT_MODE"] = "sync_preview",
            ["REFINE_ABOVE"] = "1000",
        };

        // Act
        var configuration = new ConfigurationBuilder().AddFlags(SiloExtensions.Flags, environment).Build();

        // Assert
        Assert.Equal("750", configuration["StagingUpsertJobOptions:BatchSize"]);
        Assert.Equal("true", configuration["StagingUpsertJobOptions:RunImmediately"]);
        Assert.Equal("00:00:01.5000000", configuration["EnrichmentOptions:ProviderTimeout"]);
        Assert.Equal("sync_preview", configuration["SearchOptions:Mode"]);
        Assert.Equal("1000", configuration["SearchOptions:RefineAbove"]);
    }

    [Fact]
    public void AddFlags_ShouldNameEveryMalformedFlagAndHideSecrets_WhenValuesHaveTheWrongShape()
    {
        // Arrange
        var environment = new Hashtable { ["STAGING_BATCH_SIZE"] = "lots", ["JOBS_RUN_IMMEDIATELY"] = "maybe", ["SILO_PORT"] = "eleven" };
        var secret = new Flag("SECRET_PORT", "X:Port", FlagKind.Integer, Secret: true);

        // Act
        var error = Assert.Throws<FlagException>(() => new ConfigurationBuilder().AddFlags([.. SiloExtensions.Flags, secret],
            new Hashtable(environment) { ["SECRET_PORT"] = "hunter2" }));

        // Assert
        Assert.Contains("STAGING_BATCH_SIZE must be a whole number (got 'lots')", error.Message);
        Assert.Contains("JOBS_RUN_IMMEDIATELY must be true or false (got 'maybe')", error.Message);
        Assert.Contains("SILO_PORT must be a whole number (got 'eleven')", error.Message);
        Assert.Contains("SECRET_PORT must be a whole number (got (hidden))", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData("SearchOptions:Mode", "fast", "STAGING_UPSERT_MODE must be background, sync_preview or off")]
    [InlineData("SearchOptions:SyncLimit", "201", "UPSERT_SYNC_LIMIT must be between 0 and 200")]
    [InlineData("SearchOptions:RefineAbove", "0", "REFINE_ABOVE must be at least 1")]
    [InlineData("StagingUpsertJobOptions:BatchSize", "0", "STAGING_BATCH_SIZE must be between 1 and 10000")]
    [InlineData("StagingUpsertJobOptions:MaxRowsPerRun", "0", "UPSERT_MAX_PER_JOB must be at least 1")]
    [InlineData("StagingUpsertJobOptions:NightlyAt", "2am", "JOBS_NIGHTLY_AT must be a 24-hour time")]
    [InlineData("StagingUpsertJobOptions:TimeZone", "Mars/Olympus", "JOBS_TIME_ZONE must be an IANA time zone")]
    [InlineData("StagingUpsertJobOptions:MaxRowsPerTenantPerWindow", "0", "JOBS_MAX_ROWS_PER_TENANT_PER_WINDOW must be at least 1 when set")]
    [InlineData("EnrichmentOptions:ProviderTimeout", "00:00:00", "ENRICHMENT_TIMEOUT_MS must be greater than zero")]
    public void StartupValidation_ShouldFailNamingTheFlag_WhenASettingIsOutOfRange(string key, string value, string message)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:IcpSearch"] = "Host=127.0.0.1;Port=1",
            [key] = value,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddIcpSearchGrains(configuration).BuildServiceProvider();

        // Act
        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        var failures = error is AggregateException aggregate ? aggregate.InnerExceptions : [error];
        Assert.True(failures.OfType<OptionsValidationException>().SelectMany(e => e.Failures).Any(f => f.Contains(message, StringComparison.Ordinal)),
            $"expected a failure containing \"{message}\", got {error.GetType().Name}: {error.Message}");
    }

    [Theory]
    [InlineData("STAGING_BATCH_SIZE", "abc", "STAGING_BATCH_SIZE must be a whole number (got 'abc').")]
    [InlineData("STAGING_UPSERT_MODE", "bogus", "STAGING_UPSERT_MODE must be background, sync_preview or off (got 'bogus').")]
    [InlineData("JOBS_TIME_ZONE", "Mars", "JOBS_TIME_ZONE must be an IANA time zone such as Asia/Singapore or UTC (got 'Mars').")]
    public async Task Silo_ShouldExitWithCode2NamingTheFlag_WhenStartedWithABadValue(string flag, string value, string message)
    {
        // Arrange: the real silo executable; the database is never reached because settings are checked first.
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "IcpSearch.Silo.dll"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ICPSEARCH_DB"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=s3cret-value";
        start.Environment[flag] = value;

        // Act
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, process.ExitCode);
        Assert.Contains(message, await stderr);
        Assert.DoesNotContain("s3cret-value", await stderr + await stdout);
        Assert.DoesNotContain("   at ", await stderr);
    }
}
