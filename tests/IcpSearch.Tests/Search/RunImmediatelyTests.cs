using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Search;

[Collection(RunImmediatelyCollection.Name)]
public sealed class RunImmediatelyTests(RunImmediatelyFixture fixture)
{
    [Fact]
    public async Task EnqueueStagingUpsertAsync_ShouldRunWithoutWaitingForTheWindow_WhenJobsRunImmediately()
    {
        // Act
        var created = await fixture.Grains.GetTenantSearchGrain("immediate").EnqueueStagingUpsertAsync(["construction"]);
        var mirror = await Eventually.Until(() => Jobs.JobAssertions.MirrorAsync(fixture, created.JobId), m => m.Status == "done",
            TimeSpan.FromSeconds(60), "the job to run at once");

        // Assert
        Assert.True(created.Total > 0);
        Assert.Equal(created.Total, mirror.Processed);
    }
}
