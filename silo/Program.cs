using IcpSearch.Silo.Commands;
using IcpSearch.Silo.Extensions;

// "migrate", "import ..." and "demo" run a command and exit; anything else (no arguments, --urls ...) is the silo.
if (SiloCommandLine.IsCommand(args))
{
    return await HostRunner.RunAsync("silo", () => SiloCommandLine.RunAsync(args));
}

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
