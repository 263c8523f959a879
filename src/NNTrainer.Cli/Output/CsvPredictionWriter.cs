using System.Runtime.CompilerServices;
using System.Text;

namespace NNTrainer.Cli.Output;

/// <summary>
/// Writes predict's CSV output as UTF-8 bytes straight into one reused buffer: each input row's text (already UTF-8,
/// encoded once by the <see cref="CsvBlockReader"/>), the predicted class (escaped once, up front) and the scores,
/// formatted with <see cref="IUtf8SpanFormattable"/> in their shortest round-trip form ("R", the form the file has
/// always had). No string is made per value and no char-to-byte pass is made over the numbers.
/// </summary>
internal sealed class CsvPredictionWriter : IDisposable
{
    private const int FlushAt = 1 << 20;
    private readonly Stream _stream;
    private readonly byte[][] _classes;
    private readonly TaskKind _task;
    private byte[] _buffer = new byte[FlushAt + (1 << 16)];
    private int _length;

    /// <summary>A writer to <paramref name="stream"/> for the predictions of a model with <paramref name="schema"/>'s task and classes.</summary>
    public CsvPredictionWriter(Stream stream, ModelSchema schema)
    {
        _stream = stream;
        _task = schema.Task;
        _classes = schema.Classes.Select(c => Encoding.UTF8.GetBytes(Escaped(c))).ToArray();
    }

    /// <summary>The header line: <paramref name="names"/> escaped as CSV fields, a blank name as R's write.csv writes it ("").</summary>
    public void WriteHeader(IEnumerable<string> names)
    {
        var line = new StringBuilder();
        foreach (var name in names)
        {
            if (line.Length > 0) line.Append(',');
            if (name.Length == 0) line.Append("\"\"");
            else CsvRowReader.AppendEscaped(line, name);
        }
        WriteText(line.Append('\n'));
    }

    /// <summary>Every row of the reader's last block followed by its predictions, in the block's order.</summary>
    // A loop over every row of the file: optimised at once rather than through on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteBlock(CsvBlockReader reader, ScoredBlock scored)
    {
        for (int r = 0; r < scored.Rows; r++)
        {
            var text = reader.RowText(r);
            Ensure(text.Length);
            text.CopyTo(_buffer.AsSpan(_length));
            _length += text.Length;
            if (_task != TaskKind.Regression)
            {
                var name = _classes[scored.Classes[r]];
                Ensure(name.Length + 1);
                _buffer[_length++] = (byte)',';
                name.CopyTo(_buffer, _length);
                _length += name.Length;
            }
            var scores = scored.Scores.AsSpan(r * scored.Width, scored.Width);
            // 16 bytes hold any float's shortest form ("-1.17549435E-38"), and the comma.
            Ensure(scores.Length * 17 + 1);
            foreach (float value in scores)
            {
                _buffer[_length++] = (byte)',';
                _length += WriteNumber(value, _buffer.AsSpan(_length));
            }
            _buffer[_length++] = (byte)'\n';
            if (_length >= FlushAt) Flush();
        }
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    /// <summary>Writes what is buffered and flushes the stream (which the caller owns and closes).</summary>
    public void Dispose()
    {
        Flush();
        _stream.Flush();
    }

    /// <summary>
    /// Writes <paramref name="value"/> as UTF-8 in its shortest round-trip form, the text <c>value.ToString("R",
    /// CultureInfo.InvariantCulture)</c> gives; returns the bytes written (at most 16).
    /// </summary>
    internal static int WriteNumber(float value, Span<byte> destination)
    {
        value.TryFormat(destination, out int written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    private void WriteText(StringBuilder text)
    {
        var line = text.ToString();
        Ensure(Encoding.UTF8.GetMaxByteCount(line.Length));
        _length += Encoding.UTF8.GetBytes(line, _buffer.AsSpan(_length));
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        Flush();
        // A single row longer than the buffer: grow it for that row.
        if (bytes > _buffer.Length) _buffer = new byte[bytes];
    }

    private static string Escaped(string text)
    {
        var escaped = new StringBuilder();
        CsvRowReader.AppendEscaped(escaped, text);
        return escaped.ToString();
    }
}
