using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Arguments of <c>import ssic</c>.
/// </summary>
public sealed class ImportSsicSettings : CommandSettings
{
    /// <summary>Gets or sets the SSIC reference CSV (code, title, optional description).</summary>
    [CommandArgument(0, "<file>")]
    [Description("An SSIC reference CSV with code and title columns (and optionally description).")]
    public string File { get; set; } = "";

    /// <summary>Gets or sets the version label the file is stored as; re-importing a label replaces it.</summary>
    [CommandOption("--version <LABEL>")]
    [Description("The version label to store the reference as, e.g. ssic2020; an existing version is replaced whole. Required.")]
    public string? Version { get; set; }

    /// <summary>Gets or sets the largest share of rejected rows (0-1).</summary>
    [CommandOption("--max-reject-share <SHARE>")]
    [Description("The largest share of rejected rows the file may have, 0-1. Default: 0.05.")]
    public string? MaxRejectShare { get; set; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (!System.IO.File.Exists(File))
        {
            return ValidationResult.Error($"<file>: '{File}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(Version))
        {
            return ValidationResult.Error("--version is required: the label to store this reference as, e.g. --version ssic2020.");
        }

        return RejectShares.Validate(MaxRejectShare);
    }
}
