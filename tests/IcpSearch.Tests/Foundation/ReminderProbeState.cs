namespace IcpSearch.Tests.Foundation;

[GenerateSerializer]
public sealed class ReminderProbeState
{
    [Id(0)] public int Ticks { get; set; }
}
