using System.ComponentModel;
using IcpSearch.Grains.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Arguments of <c>import acra</c>.
/// </summary>
public sealed class ImportAcraSettings : CommandSettings
{
    /// <summary>Gets or sets the CSV file, or a folder whose *.csv files are imported (rejects files excepted).</summary>
    [CommandArgument(0, "<file-or-folder>")]
    [Description("An ACRA entity CSV file, or a folder: every *.csv in it except *.rejects.csv, in name order.")]
    public string Path { get; set; } = "";

    /// <summary>Gets or sets the largest share of rejected rows a file may have (0-1), as text so a bad value gets a clear message.</summary>
    [CommandOption("--max-reject-share <SHARE>")]
    [Description("The largest share of rejected rows a file may have and still be imported, 0-1. Default: 0.05.")]
    public string? MaxRejectShare { get; set; }

    /// <summary>Gets the parsed reject share.</summary>
    public double RejectShare => RejectShares.Parse(MaxRejectShare);

    /// <summary>Returns the files to import, in name order.</summary>
    public IReadOnlyList<string> Files()
        => Directory.Exists(Path)
            ? Directory.GetFiles(Path, "*.csv").Where(f => !AcraRejectWriter.IsRejectsFile(f)).Order(StringComparer.Ordinal).ToList()
            : [Path];

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (!File.Exists(Path) && !Directory.Exists(Path))
        {
            return ValidationResult.Error($"<file-or-folder>: '{Path}' does not exist.");
        }

        if (Directory.Exists(Path) && Files().Count == 0)
        {
            return ValidationResult.Error($"<file-or-folder>: the folder '{Path}' holds no *.csv files.");
        }

        return RejectShares.Validate(MaxRejectShare);
    }
}
