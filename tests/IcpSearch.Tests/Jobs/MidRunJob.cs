using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using Orleans.TestingHost;

namespace IcpSearch.Tests.Jobs;

/// <summary>A job caught mid-run by <see cref="JobAssertions.RunUntilMidRunAsync"/>.</summary>
internal sealed record MidRunJob(
    string Tenant, EnqueueResult Created, IStagingUpsertJobGrain Job, JobSnapshot Running, SiloHandle Host, IReadOnlyList<string> Survivors);
