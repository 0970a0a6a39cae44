using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Database;

/// <summary>
/// Rejects a configuration without a database, naming the settings to fix.
/// </summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail("No database connection string: set ConnectionStrings:IcpSearch or ICPSEARCH_DB.")
            : ValidateOptionsResult.Success;
    }
}
