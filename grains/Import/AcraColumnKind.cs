namespace IcpSearch.Grains.Import;

/// <summary>
/// How the importer reads and checks one ACRA column.
/// </summary>
public enum AcraColumnKind
{
    /// <summary>Free text, trimmed; empty means null.</summary>
    Text,

    /// <summary>The key: required, trimmed, at most <see cref="AcraColumn.MaxLength"/> characters.</summary>
    Uen,

    /// <summary>Text that every row must have (the entity name).</summary>
    RequiredText,

    /// <summary>A date as <c>YYYY-MM-DD</c> or <c>DD/MM/YYYY</c>; empty or <c>na</c> means null.</summary>
    Date,

    /// <summary>An SSIC code of 1-5 digits, stored left-padded to 5 digits; empty or <c>na</c> means null.</summary>
    SsicCode,

    /// <summary>A non-negative whole number; empty or <c>na</c> means null.</summary>
    Count,
}
