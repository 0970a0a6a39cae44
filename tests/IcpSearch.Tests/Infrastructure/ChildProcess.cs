using System.Diagnostics;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Runs a host executable (silo or gateway) to its exit, as a user would from the shell.
/// </summary>
public static class ChildProcess
{
    /// <summary>Starts <paramref name="start"/> with its output redirected and waits for it, killing it after 60 s.</summary>
    /// <returns>The exit code and what it wrote, standard error first.</returns>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(ProcessStartInfo start)
    {
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await errors + await output);
    }
}
