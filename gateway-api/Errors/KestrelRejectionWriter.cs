using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace IcpSearch.Gateway.Errors;

/// <summary>
/// A connection's output that passes every byte through until Kestrel rejects a request in its HTTP parser; from then
/// on (the rejection is the connection's last response) it collects Kestrel's bodiless response and writes it again
/// with a problem+json body, keeping Kestrel's status line and headers (Connection: close included).
/// </summary>
internal sealed class KestrelRejectionWriter(PipeWriter inner) : PipeWriter
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private readonly ArrayBufferWriter<byte> _held = new();
    private (int Status, string Code, string Title, string Detail, string? Field)? _rejection;
    private bool _rewritten;

    /// <summary>Called (from Kestrel's diagnostic event, before it writes the response) when the parser refused a request.</summary>
    public void OnRejected(int status, string code, string title, string detail, string? field) => _rejection = (status, code, title, detail, field);

    private bool Holding => _rejection is not null && !_rewritten;

    public override void Advance(int bytes)
    {
        if (Holding)
        {
            _held.Advance(bytes);
        }
        else
        {
            inner.Advance(bytes);
        }
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => Holding ? _held.GetMemory(Math.Max(sizeHint, 256)) : inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => Holding ? _held.GetSpan(Math.Max(sizeHint, 256)) : inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    // System.Text.Json asks how much is unflushed to decide when to flush a large response.
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => Holding ? _held.WrittenCount : inner.UnflushedBytes;

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (Holding)
        {
            if (!TryRewrite())
            {
                // The header block is not complete yet: nothing goes out until it is.
                return new FlushResult(isCanceled: false, isCompleted: false);
            }
        }

        return await inner.FlushAsync(cancellationToken);
    }

    public override void Complete(Exception? exception = null)
    {
        if (Holding && !TryRewrite() && _held.WrittenCount > 0)
        {
            // Not a response this writer understands: let it go as Kestrel wrote it.
            inner.Write(_held.WrittenSpan);
            _rewritten = true;
        }

        inner.Complete(exception);
    }

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        if (Holding && !TryRewrite() && _held.WrittenCount > 0)
        {
            inner.Write(_held.WrittenSpan);
            _rewritten = true;
        }

        await inner.CompleteAsync(exception);
    }

    // Kestrel's rejection is a status line and headers with Content-Length: 0 and no body.
    private bool TryRewrite()
    {
        var written = _held.WrittenSpan;
        if (written.Length >= 7 && !written.StartsWith("HTTP/1."u8))
        {
            // Not an HTTP/1 response head (the connection spoke another protocol): pass it on untouched.
            _rewritten = true;
            inner.Write(written);
            return true;
        }

        var end = written.IndexOf(HeaderEnd);
        if (end < 0)
        {
            return false;
        }

        var (status, code, title, detail, field) = _rejection!.Value;
        var head = Encoding.ASCII.GetString(written[..end]);
        var lines = head.Split("\r\n");
        if (lines.Length == 0 || !lines[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !lines.Any(l => l.Equals("Content-Length: 0", StringComparison.OrdinalIgnoreCase)))
        {
            _rewritten = true;
            inner.Write(written);
            return true;
        }

        var body = Body(status, code, title, detail, field);
        var text = new StringBuilder();
        text.Append(lines[0]).Append("\r\n");
        foreach (var line in lines.Skip(1).Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
            && !l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)))
        {
            text.Append(line).Append("\r\n");
        }

        text.Append("Content-Type: application/problem+json\r\n")
            .Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        inner.Write(Encoding.ASCII.GetBytes(text.ToString()));
        inner.Write(body);
        inner.Write(written[(end + HeaderEnd.Length)..]);
        _rewritten = true;
        return true;
    }

    private static byte[] Body(int status, string code, string title, string detail, string? field)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", ProblemCodes.TypeOf(code));
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteString("code", code);
            if (field is not null)
            {
                json.WriteString("field", field);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
