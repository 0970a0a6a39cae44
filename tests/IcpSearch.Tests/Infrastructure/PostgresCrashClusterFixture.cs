namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// The failure cluster's settings with one silo, on a PostgreSQL server of its own that the test crashes and restarts;
/// batches retry often enough to outlast the restart, and a registry large enough that the crash lands mid-run.
/// </summary>
public sealed class PostgresCrashClusterFixture : FailureClusterFixture
{
    private PrivatePostgres? _server;

    protected override short Silos => 1;

    protected override int RegistryRows => 40_000;

    /// <summary>Gets the fixture's own server.</summary>
    public PrivatePostgres Server => _server ?? throw new InvalidOperationException("The fixture has not started its server.");

    protected override string AdminConnectionString => Server.AdminConnectionString;

    public override async ValueTask InitializeAsync()
    {
        _server = await PrivatePostgres.StartAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["StagingUpsertJobOptions:MaxRetries"] = "20";
        settings["StagingUpsertJobOptions:MaxTransitionRetries"] = "20";
        settings["StagingUpsertJobOptions:RetryMaxDelay"] = "00:00:01";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
