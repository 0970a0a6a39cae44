namespace IcpSearch.Tests.Foundation;

[Alias("IcpSearch.Tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("StartAsync")] Task StartAsync();

    [Alias("StopAsync")] Task StopAsync();

    [Alias("GetTicksAsync")] Task<int> GetTicksAsync();
}
