using System.Buffers;
using System.Globalization;
using System.Text;

namespace IcpSearch.Gateway.TextInput;

/// <summary>
/// The gateway's one text rule, as pure functions: a value is refused when it is not well-formed Unicode (invalid
/// UTF-8 on the wire, a lone surrogate), holds a control character (C0, DEL, C1; tab and line breaks only where the
/// field allows them) or is longer than the field's limit. PostgreSQL rejects NUL in text, and control characters
/// have no business in names, terms or codes, so they are refused before anything reaches a grain.
/// </summary>
public static class TextValidator
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns why <paramref name="value"/> breaks <paramref name="rule"/>, or null when it is acceptable.</summary>
    public static string? Check(string value, TextRule rule)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > rule.MaxLength)
        {
            return $"has {value.Length} characters; at most {rule.MaxLength} are allowed.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"is not valid Unicode (a lone surrogate at position {i}).";
            }

            if (c == '\0')
            {
                return $"contains a NUL character at position {i}.";
            }

            if (char.IsControl(c) && !(rule.AllowLineBreaks && c is '\t' or '\n' or '\r'))
            {
                return $"contains the control character U+{(int)c:X4} at position {i}.";
            }
        }

        return null;
    }

    /// <summary>
    /// Decodes one percent-encoded URL component (a path, or a query key or value, with '+' as a space) as strict UTF-8;
    /// false when the bytes are not UTF-8. A '%' not followed by two hex digits stays as it is, as ASP.NET Core reads it.
    /// </summary>
    public static bool TryDecodeUrlComponent(ReadOnlySpan<char> raw, bool plusIsSpace, out string value)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(raw.Length * 3);
        try
        {
            var n = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '%' && i + 2 < raw.Length
                    && byte.TryParse(raw.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    bytes[n++] = b;
                    i += 2;
                }
                else if (c == '+' && plusIsSpace)
                {
                    bytes[n++] = (byte)' ';
                }
                else
                {
                    // The raw target is ASCII (Kestrel guarantees it); anything else is encoded as UTF-8 as it stands.
                    n += Encoding.UTF8.GetBytes(raw.Slice(i, 1), bytes.AsSpan(n));
                }
            }

            value = StrictUtf8.GetString(bytes, 0, n);
            return true;
        }
        catch (DecoderFallbackException)
        {
            value = "";
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
