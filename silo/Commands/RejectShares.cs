using System.Globalization;
using Spectre.Console;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// The <c>--max-reject-share</c> option shared by the import commands.
/// </summary>
public static class RejectShares
{
    /// <summary>The share used when the option is not given.</summary>
    public const double Default = 0.05;

    /// <summary>Checks the option's value.</summary>
    public static ValidationResult Validate(string? value)
        => value is null || (TryParse(value, out var share) && share is >= 0 and <= 1)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--max-reject-share must be a number from 0 to 1, such as 0.05 (got '{value}').");

    /// <summary>Returns the share (the default when not given); call after <see cref="Validate"/>.</summary>
    public static double Parse(string? value) => value is not null && TryParse(value, out var share) ? share : Default;

    private static bool TryParse(string value, out double share)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out share) && double.IsFinite(share);
}
