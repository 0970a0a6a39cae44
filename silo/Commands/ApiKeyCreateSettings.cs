using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Arguments of <c>apikey create</c>.
/// </summary>
public sealed partial class ApiKeyCreateSettings : CommandSettings
{
    /// <summary>Gets or sets the tenant the key acts for.</summary>
    [CommandOption("--tenant <TENANT>")]
    [Description("The tenant the key acts for (1-64 letters, digits, '.', '-' or '_').")]
    public string? Tenant { get; set; }

    /// <summary>Gets or sets a note saying who or what the key is for.</summary>
    [CommandOption("--label <TEXT>")]
    [Description("A note saying who or what the key is for (at most 200 characters).")]
    public string? Label { get; set; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Tenant) || !TenantPattern().IsMatch(Tenant))
        {
            return ValidationResult.Error($"--tenant must be 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit (got '{Tenant}').");
        }

        return Label is { Length: > 200 } ? ValidationResult.Error("--label must be at most 200 characters.") : ValidationResult.Success();
    }

    // The gateway's tenant id rule (gateway-api/Tenancy/TenantIds.cs): a key for any other id could never be used.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex TenantPattern();
}
