namespace IcpSearch.ServiceDefaults;

/// <summary>
/// A flat environment variable (the names operators know, such as <c>STAGING_BATCH_SIZE</c>) and the configuration key it sets.
/// </summary>
/// <param name="Name">The environment variable.</param>
/// <param name="ConfigurationKey">The configuration key it maps onto, e.g. <c>StagingUpsertJobOptions:BatchSize</c>.</param>
/// <param name="Kind">How the value is checked and converted.</param>
/// <param name="Secret">Whether the value must never be printed.</param>
public sealed record Flag(string Name, string ConfigurationKey, FlagKind Kind, bool Secret = false);
