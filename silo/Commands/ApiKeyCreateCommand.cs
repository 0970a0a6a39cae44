using IcpSearch.GrainInterfaces.ApiKeys;
using IcpSearch.Grains.ApiKeys;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// <c>apikey create --tenant T</c>: makes an API key for the LangGraph API (agent-chat-ui's x-api-key), stores only
/// its hash and prints the key once on standard output.
/// </summary>
public sealed class ApiKeyCreateCommand : AsyncCommand<ApiKeyCreateSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ApiKeyCreateSettings settings, CancellationToken cancellationToken)
    {
        using var host = await CommandHost.StartAsync(context.Overrides(), !Console.IsOutputRedirected, cancellationToken);
        var (key, keyId, hash) = ApiKeyFormat.Generate();
        await host.Services.GetRequiredService<IApiKeyStore>().InsertAsync(keyId, settings.Tenant!, hash, settings.Label, cancellationToken);

        // The key alone on stdout, so scripts can capture it; the rest on stderr.
        await Console.Out.WriteLineAsync(key);
        await Console.Error.WriteLineAsync($"apikey: created key {keyId} for tenant {settings.Tenant}. It is shown only now: store it (only its hash is kept).");
        return 0;
    }
}
