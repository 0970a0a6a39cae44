using IcpSearch.GrainInterfaces.ApiKeys;
using IcpSearch.Grains.ApiKeys;
using IcpSearch.Silo.Commands;

namespace IcpSearch.Tests.ApiKeys;

[Collection(SearchClusterCollection.Name)]
public sealed class ApiKeyGrainTests(SearchClusterFixture fixture)
{
    [Fact]
    public async Task VerifyAsync_ShouldReturnTheTenant_OnlyForTheRightSecretOfAnActiveKey()
    {
        // Arrange
        var tenant = "k-" + Guid.NewGuid().ToString("N")[..8];
        var (key, keyId, hash) = ApiKeyFormat.Generate();
        await new NpgsqlApiKeyStore(fixture.DataSource).InsertAsync(keyId, tenant, hash, "test", TestContext.Current.CancellationToken);
        Assert.True(ApiKeyFormat.TryParse(key, out _, out var secret));
        var grain = fixture.Grains.GetGrain<IApiKeyGrain>(0);

        // Act / Assert
        Assert.Equal(tenant, await grain.VerifyAsync(keyId, ApiKeyFormat.Hash(secret)));
        Assert.Null(await grain.VerifyAsync(keyId, ApiKeyFormat.Hash(secret + "x")));
        Assert.Null(await grain.VerifyAsync("0000000000000000", ApiKeyFormat.Hash(secret)));

        await using (var revoke = fixture.DataSource.CreateCommand("UPDATE api_keys SET revoked_at = now() WHERE key_id = @id"))
        {
            revoke.Parameters.AddWithValue("id", keyId);
            await revoke.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        Assert.Null(await grain.VerifyAsync(keyId, ApiKeyFormat.Hash(secret)));
    }

    [Fact]
    public async Task ApiKeyCreate_ShouldStoreOnlyAHashForTheTenant_AndRefuseABadTenant()
    {
        // Arrange
        var tenant = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var database = new Dictionary<string, string?> { ["ConnectionStrings:IcpSearch"] = fixture.ConnectionString };

        // Act
        var exit = await SiloCommandLine.RunAsync(["apikey", "create", "--tenant", tenant, "--label", "ci"], database, TestContext.Current.CancellationToken);
        var refused = await SiloCommandLine.RunAsync(["apikey", "create", "--tenant", "no spaces allowed"], database, TestContext.Current.CancellationToken);
        var missing = await SiloCommandLine.RunAsync(["apikey", "create"], database, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, exit);
        Assert.Equal(SiloCommandLine.InvalidArguments, refused);
        Assert.Equal(SiloCommandLine.InvalidArguments, missing);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE tenant_id = @t AND octet_length(secret_hash) = 32 AND label = 'ci'", ("t", tenant)));
    }
}
