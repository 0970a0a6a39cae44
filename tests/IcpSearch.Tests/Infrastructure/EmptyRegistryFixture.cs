namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A fresh migrated database with the bundled SSIC reference and an empty staging registry, for import and
/// industry-resolution tests.
/// </summary>
public sealed class EmptyRegistryFixture : DatabaseFixture
{
    /// <inheritdoc />
    protected override int RegistryRows => 0;

    /// <summary>Empties the staging table (each import test starts from its own known state).</summary>
    public async Task ClearRegistryAsync()
    {
        await using var command = DataSource.CreateCommand("TRUNCATE staging_acra_companies");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Returns a digest of every row and column of the staging table, to prove a failed import changed nothing.</summary>
    public Task<string> RegistryDigestAsync()
        => ScalarAsync<string>("SELECT coalesce(md5(string_agg(s::text, '|' ORDER BY uen)), 'empty') FROM staging_acra_companies s");
}
