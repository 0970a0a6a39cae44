using System.Diagnostics;
using System.Net.Sockets;

namespace IcpSearch.Bench;

/// <summary>
/// A silo or gateway started as its own process from the Release build, stopped when disposed.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process) => _process = process;

    /// <summary>Finds the repository root (the folder holding IcpSearch.sln) above the benchmark's binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IcpSearch.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("IcpSearch.sln not found above the benchmark binaries.");
    }

    /// <summary>Starts <c>dotnet &lt;project&gt;/bin/Release/net10.0/&lt;assembly&gt;.dll</c> with the given environment; output goes to a log file.</summary>
    public static HostProcess Start(string project, string assembly, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var folder = Path.Combine(RepositoryRoot(), project, "bin", "Release", "net10.0");
        var info = new ProcessStartInfo("dotnet", $"{assembly}.dll") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Returns a TCP port nothing listens on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
