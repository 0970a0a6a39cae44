using IcpSearch.Gateway.Extensions;

return await HostRunner.RunAsync("gateway", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddGatewayServices();

    var app = builder.Build();
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
    app.UseGatewayPipeline();
    app.MapGatewayEndpoints();
    await app.RunAsync();
    return 0;
});

/// <summary>The gateway's entry point; public for WebApplicationFactory.</summary>
public partial class Program;
