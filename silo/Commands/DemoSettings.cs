using System.ComponentModel;
using IcpSearch.Grains.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Arguments of <c>demo</c>.
/// </summary>
public sealed class DemoSettings : CommandSettings
{
    /// <summary>Gets or sets how many demo entities to generate.</summary>
    [CommandOption("--rows <N>")]
    [Description("How many entities to generate. Default: 60000.")]
    [DefaultValue(60_000)]
    public int Rows { get; set; } = 60_000;

    /// <summary>Gets or sets the generator's seed; the same seed and rows give the same registry.</summary>
    [CommandOption("--seed <S>")]
    [Description("The generator's seed: the same seed and row count give the same registry.")]
    public int Seed { get; set; } = DemoRegistryGenerator.DefaultSeed;

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
        if (Rows < 1)
        {
            return ValidationResult.Error($"--rows must be at least 1 (got {Rows}).");
        }

        return string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out must name a folder.") : ValidationResult.Success();
    }
}
