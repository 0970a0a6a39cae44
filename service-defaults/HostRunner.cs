using Microsoft.Extensions.Options;
using Serilog;

namespace IcpSearch.ServiceDefaults;

/// <summary>
/// Runs a host's main body and turns configuration mistakes into a one-paragraph message and exit code 2.
/// </summary>
public static class HostRunner
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code, 2 for invalid configuration, 1 for a crash.</summary>
    public static async Task<int> RunAsync(string name, Func<Task<int>> body)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
        try
        {
            return await body();
        }
        catch (FlagException ex)
        {
            await Console.Error.WriteLineAsync($"{name}: invalid configuration:{Environment.NewLine}{ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ValidationFailures(ex) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync($"{name}: invalid configuration:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
            return 2;
        }
        catch (HostAbortedException)
        {
            // WebApplicationFactory stops the entry point this way once it has the host; it is not a crash.
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Fatal(ex, "{Name} stopped unexpectedly", name);
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    // Start-up validation reports several failing options classes at once as an AggregateException.
    private static List<string> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => [],
    };
}
