using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Rejects re-scoring settings that cannot work, naming the environment variable to fix.
/// </summary>
public sealed class RescoreJobOptionsValidator : IValidateOptions<RescoreJobOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RescoreJobOptions options)
        => options.BatchSize is < 100 or > 50_000
            ? ValidateOptionsResult.Fail($"RESCORE_BATCH_SIZE must be between 100 and 50000 (got {options.BatchSize}).")
            : ValidateOptionsResult.Success;
}
