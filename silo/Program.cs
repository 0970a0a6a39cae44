using IcpSearch.Silo.Extensions;

return await HostRunner.RunAsync("silo", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSiloServices();

    var app = builder.Build();
    await app.MigrateDatabaseAsync();
    app.MapSiloEndpoints();
    await app.RunAsync();
    return 0;
});
