using System.ComponentModel;
using System.Globalization;
using IcpSearch.Grains.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Arguments of <c>demo</c>.
/// </summary>
public sealed class DemoSettings : CommandSettings
{
    /// <summary>The number of entities generated when <c>--rows</c> is not given.</summary>
    public const int DefaultRows = 60_000;

    /// <summary>Gets or sets how many demo entities to generate (text, so a bad value gets a message naming the option).</summary>
    [CommandOption("--rows <N>")]
    [Description("How many entities to generate. Default: 60000.")]
    public string? RowsText { get; set; }

    /// <summary>Gets or sets the generator's seed (text, see <see cref="RowsText"/>).</summary>
    [CommandOption("--seed <S>")]
    [Description("The generator's seed: the same seed and row count give the same registry.")]
    public string? SeedText { get; set; }

    /// <summary>Gets how many entities to generate.</summary>
    public int Rows => RowsText is null ? DefaultRows : int.Parse(RowsText, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Gets the generator's seed.</summary>
    public int Seed => SeedText is null ? DemoRegistryGenerator.DefaultSeed : int.Parse(SeedText, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Gets or sets whether to do nothing when staging already holds rows.</summary>
    [CommandOption("--if-empty")]
    [Description("Do nothing when the staging table already holds rows (what run.sh uses on every start).")]
    public bool IfEmpty { get; set; }

    /// <summary>Gets or sets the folder the CSV files are written to.</summary>
    [CommandOption("--out <DIR>")]
    [Description("The folder to write the CSV files to. Default: .data/demo")]
    public string Out { get; set; } = ".data/demo";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (RowsText is not null && (!int.TryParse(RowsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows) || rows < 1))
        {
            return ValidationResult.Error($"--rows must be a whole number of at least 1 (got '{RowsText}').");
        }

        if (SeedText is not null && !int.TryParse(SeedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return ValidationResult.Error($"--seed must be a whole number (got '{SeedText}').");
        }

        return string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out must name a folder.") : ValidationResult.Success();
    }
}
