using System.Diagnostics;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one fixture's own, for a test that crashes it: started, crashed and restarted with the
/// same shell functions ./test.sh uses (scripts/lib/pg.sh, which run the server as the postgres OS user when root),
/// with PostgreSQL's default durability settings rather than the shared test server's.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _data;
    private readonly int _port;

    private PrivatePostgres(string folder, int port)
    {
        _folder = folder;
        _data = Path.Combine(folder, "pg");
        _port = port;
    }

    /// <summary>Gets the admin connection string of the server.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    /// <summary>Creates a cluster in a new temporary folder and starts it on a free loopback port.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "icpsearch-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            // The postgres OS user (the server's user when the tests run as root) must reach the data folder inside it.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var server = new PrivatePostgres(folder, LoopbackPort.Free());
        await server.ShellAsync("pg_init \"$1\" && pg_start \"$1\" \"$2\" max_connections=200");
        return server;
    }

    /// <summary>Kills the server the way a crash would (<c>pg_ctl stop -m immediate</c>): no shutdown checkpoint, what is not in the WAL on disk is gone.</summary>
    public Task CrashAsync() => ShellAsync("pg_run pg_ctl -D \"$1\" -m immediate -w stop >/dev/null");

    /// <summary>Starts the server again on the same port; it recovers from its WAL first.</summary>
    public Task RestartAsync() => ShellAsync("pg_start \"$1\" \"$2\" max_connections=200");

    public async ValueTask DisposeAsync()
    {
        await ShellAsync("pg_stop \"$1\"");
        Directory.Delete(_folder, recursive: true);
    }

    private async Task ShellAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { ArgumentList = { "-c", $"set -e; source \"$0\"; {script}", PgFunctions, _data, _port.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        var (exitCode, output) = await ChildProcess.RunToExitAsync(start);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{script}' failed with exit code {exitCode}: {output}");
        }
    }

    private static string PgFunctions
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var functions = Path.Combine(dir.FullName, "scripts", "lib", "pg.sh");
                if (File.Exists(functions))
                {
                    return functions;
                }
            }

            throw new InvalidOperationException($"scripts/lib/pg.sh not found above {AppContext.BaseDirectory}.");
        }
    }
}
