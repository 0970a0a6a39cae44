namespace IcpSearch.Tests.Foundation;

/// <summary>
/// A test grain that counts the ticks of its own reminder in persistent state.
/// </summary>
public sealed class ReminderProbeGrain(
    [PersistentState("reminder-probe", "tenants")] IPersistentState<ReminderProbeState> state) : Grain, IReminderProbeGrain, IRemindable
{
    public async Task StartAsync() => await this.RegisterOrUpdateReminder("probe", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    public async Task StopAsync()
    {
        if (await this.GetReminder("probe") is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<int> GetTicksAsync() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
