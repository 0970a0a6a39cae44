namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Two silos with small re-scoring batches that take at least 20 ms each (a statement trigger on lead_scores), so a
/// profile change or a silo kill lands while a re-score is in progress. No registry: the tests seed scored companies.
/// </summary>
public sealed class RescoreClusterFixture : ClusterFixture
{
    /// <summary>The re-scoring batch size of this cluster.</summary>
    public const int BatchSize = 100;

    protected override int RegistryRows => 0;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["RescoreJobOptions:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ScalarAsync<int>("""
            CREATE FUNCTION slow_rescore() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.02); RETURN NULL; END $$;
            CREATE TRIGGER slow_rescore AFTER UPDATE ON lead_scores FOR EACH STATEMENT EXECUTE FUNCTION slow_rescore();
            SELECT 1
            """);
    }
}
