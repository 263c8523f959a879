using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Reads a comma-separated file (RFC 4180 quoting; or one separated by ';', tab or '|': <see cref="CsvSeparator"/>) one
/// record at a time from a fixed-size buffer, so memory does not grow with the file. Fields are handed out as spans into a reused record buffer (no string per field); every record
/// knows the line it starts on, so errors name it. The grammar is strict: a quote inside an unquoted field, text after
/// a closing quote and an unclosed quote are errors. Chosen over Sylvan.Data.Csv, which reads at the same speed on the
/// scale benchmark's file (benchmarks/scale/IngestProbe) but accepts such rows silently and counts rows, not lines.
/// </summary>
internal sealed partial class CsvRowReader : IRecordReader
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");
    private readonly SearchValues<char> _special;
    private readonly char _separator;
    // A ';' (or tab, '|') file often writes decimals with a comma: such fields are handed out with a point instead.
    private readonly bool _decimalComma;
    private char[] _converted = [];
    private readonly DecimalMarks _marks;
    private bool _plain;
    private readonly TextReader _text;
    private readonly char[] _buffer = new char[1 << 16];
    private int _position, _length;
    private bool _endOfFile;
    private char[] _record = new char[1024];
    private int _recordLength;
    private int[] _ends = new int[64];
    private int _fieldCount;
    private int _line = 1;
    private bool _replayFirst;

    /// <param name="path">The file, for messages.</param><param name="text">Its text.</param>
    /// <param name="separator">The field separator: ',', ';', tab or '|'.</param>
    public CsvRowReader(string path, TextReader text, char separator = ',')
    {
        Path = path;
        _text = text;
        _separator = separator;
        _decimalComma = separator != ',';
        _marks = new DecimalMarks(path);
        _special = separator == ',' ? Special : SearchValues.Create($"{separator}\"\r\n");
        Header = ReadHeader(path);
    }

    public string Path { get; }

    public string[] Header { get; }

    /// <summary>Whether the file has no header row (<see cref="HeaderlessFile"/>): its columns are named <c>col0</c>, <c>col1</c>, ….</summary>
    public bool HasNoHeader { get; private set; }

    /// <summary>Positions are file lines.</summary>
    public RowLocator Locator => RowLocator.Lines;

    /// <summary>The line the current record starts on (1-based).</summary>
    public int Line { get; private set; }

    /// <summary>Fields in the current record.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>Whether the current record is the last one and the file ends without a line break after it.</summary>
    public bool EndsWithoutNewline { get; private set; }

    public ReadOnlySpan<char> Field(int index)
    {
        int start = index == 0 ? 0 : _ends[index - 1] + 1;
        var field = _record.AsSpan(start, _ends[index] - start);
        return _decimalComma ? WithDecimalPoint(field, start, index) : field;
    }

    /// <summary>A field -?digits,digits with its comma made a point (copied to the same place of a second buffer, so fields of one record stay valid together); others as they are.</summary>
    private ReadOnlySpan<char> WithDecimalPoint(ReadOnlySpan<char> field, int start, int index)
    {
        if (!_marks.IsDecimalComma(field.Trim(), index, Header, Line)) return field;
        if (_converted.Length < _record.Length) _converted = new char[_record.Length];
        var copy = _converted.AsSpan(start, field.Length);
        field.CopyTo(copy);
        copy[field.IndexOf(',')] = '.';
        return copy;
    }

    /// <summary>A CSV field has no type: always false, the text is read with <see cref="Field"/>.</summary>
    public bool TryNumber(int index, out float value)
    {
        value = float.NaN;
        return false;
    }

    /// <summary>Whether no field was quoted in a comma-separated file: then <see cref="PlainRecord"/> is the record's CSV text.</summary>
    public bool IsPlain => _plain && !_decimalComma;

    /// <summary>The current record's fields joined by the separator (its text in the file when <see cref="IsPlain"/>).</summary>
    public ReadOnlySpan<char> PlainRecord => _record.AsSpan(0, _recordLength);

    /// <summary>Moves to the next record, skipping blank lines; false at the end of the file.</summary>
    public bool Read()
    {
        if (_replayFirst)
        {
            _replayFirst = false;
            return true;
        }
        while (true)
        {
            if (!ReadRecord(out bool blank)) return false;
            if (!blank) return true;
        }
    }

    /// <summary>A field as CSV text again, quoted when it needs it.</summary>
    public static void AppendEscaped(StringBuilder text, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(Special) < 0)
        {
            text.Append(value);
            return;
        }
        text.Append('"');
        foreach (char c in value)
        {
            if (c == '"') text.Append('"');
            text.Append(c);
        }
        text.Append('"');
    }

    // Runs once per row or field of a million-row file: compiled optimised at once instead of spending the first
    // seconds in the unoptimised and instrumented tiers, worst on one core (docs/scale.md, "Round 5").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadRecord(out bool blank)
    {
        _recordLength = 0;
        _fieldCount = 0;
        blank = true;
        Line = _line;
        EndsWithoutNewline = false;
        _plain = true;
        if (TryReadPlainLine(out blank)) return true;
        ClearQuotedFields();
        bool quoted = false, any = false;
        while (true)
        {
            if (_position >= _length && !Fill())
            {
                if (!any && _recordLength == 0 && _fieldCount == 0) return false;
                EndField();
                EndsWithoutNewline = true;
                blank = false;
                return true;
            }
            var rest = _buffer.AsSpan(_position, _length - _position);
            int at = rest.IndexOfAny(_special);
            int take = at < 0 ? rest.Length : at;
            if (take > 0)
            {
                if (quoted) throw new CliException($"{Path} line {_line}: text after a closing quote; quote the whole field.{OpenedEarlier()}");
                Append(rest[..take]);
                any = true;
                _position += take;
                if (at < 0) continue;
            }
            char c = _buffer[_position++];
            if (c == _separator)
            {
                EndField();
                Append(new ReadOnlySpan<char>(in c));
                quoted = false;
                any = true;
                continue;
            }
            switch (c)
            {
                case '"':
                    if (quoted || CurrentFieldLength() > 0)
                    {
                        throw new CliException($"{Path} line {_line}: a quote (\") inside an unquoted field; quote the whole field and double the quote.");
                    }
                    ReadQuoted();
                    MarkQuoted(_fieldCount);
                    quoted = any = true;
                    _plain = false;
                    break;
                case '\r':
                    break;
                default: // '\n'
                    _line++;
                    if (!any && _recordLength == 0 && _fieldCount == 0) return true; // blank line
                    EndField();
                    blank = false;
                    return true;
            }
        }
    }

    /// <summary>
    /// The common case in one pass: the whole line is in the buffer and holds no quote and no carriage return but a
    /// final one, so the record is the line itself and its fields end at its commas (found 8 characters at a time).
    /// Anything else is left to the general state machine above, which gives the same fields.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadPlainLine(out bool blank)
    {
        blank = true; // the state machine starts from here when this returns false
        var rest = _buffer.AsSpan(_position, _length - _position);
        int newline = rest.IndexOf('\n');
        if (newline < 0) return false;
        var line = rest[..newline];
        if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
        if (line.IndexOfAny('"', '\r') >= 0) return false;
        _position += newline + 1;
        _line++;
        if (line.IsEmpty) return true; // a blank line
        blank = false;
        Append(line);
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref ushort start = ref Unsafe.As<char, ushort>(ref _record[0]);
            var comma = Vector128.Create((ushort)_separator);
            for (; i + Vector128<ushort>.Count <= line.Length; i += Vector128<ushort>.Count)
            {
                uint mask = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i), comma).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    EndFieldAt(i + BitOperations.TrailingZeroCount(mask));
                    mask &= mask - 1;
                }
            }
        }
        char separator = _separator;
        for (; i < line.Length; i++) if (_record[i] == separator) EndFieldAt(i);
        EndFieldAt(line.Length);
        return true;
    }

    private void EndFieldAt(int end)
    {
        if (_fieldCount == _ends.Length) Array.Resize(ref _ends, _ends.Length * 2);
        _ends[_fieldCount++] = end;
    }

    private void ReadQuoted()
    {
        int startLine = _line;
        while (true)
        {
            if (_position >= _length && !Fill())
            {
                throw new CliException($"{Path} line {startLine}: a quoted field is never closed.");
            }
            var rest = _buffer.AsSpan(_position, _length - _position);
            int at = rest.IndexOfAny('"', '\n');
            if (at < 0)
            {
                Append(rest);
                _position = _length;
                continue;
            }
            Append(rest[..at]);
            _position += at + 1;
            if (rest[at] == '\n')
            {
                _line++;
                Append("\n");
                continue;
            }
            if (_position >= _length && !Fill()) return;
            if (_buffer[_position] != '"') return;
            Append("\"");
            _position++;
        }
    }

    private int CurrentFieldLength() => _recordLength - (_fieldCount == 0 ? 0 : _ends[_fieldCount - 1] + 1);

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_recordLength + chars.Length > _record.Length) Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + chars.Length));
        chars.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += chars.Length;
    }

    private void EndField() => EndFieldAt(_recordLength);

    private bool Fill()
    {
        if (_endOfFile) return false;
        _length = _text.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (_length == 0) _endOfFile = true;
        return _length > 0;
    }

    public void Dispose() => _text.Dispose();
}
