using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Orleans.TestingHost;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A cluster on its own database plus the real gateway in front of it, configured as in production: JWT bearer
/// (HS256 with a test key), no default tenant. The gateway's Orleans client finds the silos through the ADO.NET
/// membership table, as a deployed gateway does. Tests isolate themselves by tenant id.
/// </summary>
public class GatewayFixture : ClusterFixture
{
    /// <summary>The HS256 key the gateway trusts.</summary>
    public const string SigningKey = "icpsearch-gateway-tests-hs256-key-0123456789";

    /// <summary>The issuer the gateway requires.</summary>
    public const string Issuer = "https://auth.icpsearch.test/";

    /// <summary>The audience the gateway requires.</summary>
    public const string Audience = "icpsearch-api";

    /// <summary>A password in the gateway's connection string (the test server trusts local connections, so it is never checked) that must never be logged.</summary>
    public const string DatabasePassword = "db-secret-never-logged-5f2c";

    private readonly List<GatewayFactory> _extra = [];

    protected override short Silos => 1;

    // The gateway is an ordinary Orleans client in another host: it needs the silos on real TCP, not the in-memory transport.
    protected override void ConfigureCluster(TestClusterBuilder builder)
        => builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;

    /// <summary>Gets the production-configured gateway.</summary>
    public GatewayFactory Gateway { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Gateway = CreateGateway();
        // Off xunit's synchronization context: StartServer blocks until the Orleans client has connected.
        await Task.Run(Gateway.StartServer).WaitAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Returns the settings of the production-configured gateway, for a test to copy and change.</summary>
    public virtual Dictionary<string, string?> GatewaySettings() => new()
    {
        ["ConnectionStrings:IcpSearch"] = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = DatabasePassword }.ConnectionString,
        ["GatewayOptions:ClusterId"] = Cluster.Options.ClusterId,
        ["GatewayOptions:ServiceId"] = Cluster.Options.ServiceId,
        ["AuthOptions:Mode"] = "jwt",
        ["AuthOptions:SigningKey"] = SigningKey,
        ["AuthOptions:Issuer"] = Issuer,
        ["AuthOptions:Audience"] = Audience,
    };

    /// <summary>Creates another gateway on the same cluster (disposed with the fixture), e.g. in development mode.</summary>
    public GatewayFactory CreateGateway(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Production")
    {
        var factory = new GatewayFactory(settings ?? GatewaySettings(), environment);
        lock (_extra)
        {
            _extra.Add(factory);
        }

        return factory;
    }

    /// <summary>Returns a client of the production gateway with a bearer token for <paramref name="tenantId"/> (none when null).</summary>
    public HttpClient Client(string? tenantId = null, string? tenantHeader = null)
    {
        var client = Gateway.CreateClient();
        if (tenantId is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(tenantId));
        }

        if (tenantHeader is not null)
        {
            client.DefaultRequestHeaders.Add("X-Tenant-ID", tenantHeader);
        }

        return client;
    }

    /// <summary>Mints a token the gateway accepts unless told otherwise.</summary>
    /// <param name="tenantId">The tenant_id claim, or null for none.</param>
    /// <param name="tenants">The tenants claim (a string array becomes a JSON array), or null for none.</param>
    /// <param name="expires">The expiry; default ten minutes from now.</param>
    /// <param name="key">The signing key; default the trusted one.</param>
    /// <param name="audience">The audience; default the required one.</param>
    public static string Token(string? tenantId, object? tenants = null, DateTime? expires = null, string key = SigningKey, string audience = Audience)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "test-user" };
        if (tenantId is not null)
        {
            claims["tenant_id"] = tenantId;
        }

        if (tenants is not null)
        {
            claims["tenants"] = tenants;
        }

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var issued = expiry.AddMinutes(-20);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Returns a fresh tenant id for one test.</summary>
    public static string NewTenant(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public override async ValueTask DisposeAsync()
    {
        List<GatewayFactory> factories;
        lock (_extra)
        {
            factories = [.. _extra];
        }

        foreach (var factory in factories)
        {
            await factory.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
