using IcpSearch.GrainInterfaces.ApiKeys;

namespace IcpSearch.Grains.ApiKeys;

/// <summary>
/// Verifies API keys; a stateless worker.
/// </summary>
[StatelessWorker]
public sealed class ApiKeyGrain(IApiKeyStore store) : Grain, IApiKeyGrain
{
    /// <inheritdoc />
    public async Task<string?> VerifyAsync(string keyId, byte[] secretHash)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        var stored = await store.FindAsync(keyId);
        return stored is not null && ApiKeyFormat.HashesEqual(stored.SecretHash, secretHash) ? stored.TenantId : null;
    }
}
