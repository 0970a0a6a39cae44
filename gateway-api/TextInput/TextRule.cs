namespace IcpSearch.Gateway.TextInput;

/// <summary>What one text field accepts beyond valid Unicode without control characters.</summary>
/// <param name="MaxLength">The most UTF-16 characters the field may hold.</param>
/// <param name="AllowLineBreaks">Whether tab, line feed and carriage return are allowed (free text such as a chat message).</param>
public readonly record struct TextRule(int MaxLength, bool AllowLineBreaks = false);
