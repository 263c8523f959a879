using System.Runtime.CompilerServices;
using System.Text;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Reads a CSV or Parquet file for a saved model in blocks of <see cref="BlockRows"/> rows, each a small <see cref="CsvTable"/>
/// of the model's columns (its arrays reused, so memory stays flat in the rows), plus each row's CSV text for a predictions
/// file. Counts the missing values of the rows used (with <c>labelRequired</c>, those with a label); a text in a numeric
/// column is an error naming the line and the column, or with <c>--skip-bad-rows</c> a skipped row.
/// </summary>
internal sealed class CsvBlockReader : IDisposable
{
    public const int BlockRows = 8192;
    private const int InternLimit = 10_000;

    private readonly IRecordReader _reader;
    private readonly CsvRowReader? _csv;
    private readonly ModelSchema _schema;
    private readonly BadRows _badRows;
    private readonly bool _keepText, _keepFields, _labelRequired;
    private char[] _fieldText = new char[1 << 16];
    private int _fieldTextLength, _rowBytesLength;
    private readonly List<int> _fieldEnds = [];
    private readonly (FeatureColumn Feature, int Index)[] _features;
    private readonly int _label;
    private readonly float[]?[] _numbers;
    private readonly string?[]?[] _texts;
    private readonly string?[] _labels = new string?[BlockRows];
    private readonly float[] _regressionLabels = new float[BlockRows];
    private readonly long[] _missing;
    private long _counted; // rows whose missing values are counted: the shares' denominator
    // Span lookups made once: getting one checks the comparer each time, a runtime generic lookup per field.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>[] _interned;
    private readonly Dictionary<string, string?> _labelTexts = new(StringComparer.Ordinal);
    // Each row's CSV text, as the UTF-8 bytes the predictions file gets: encoded once here, copied once by the writer.
    private byte[] _rowBytes = new byte[1 << 20];
    private readonly int[] _rowEnds = new int[BlockRows];
    private readonly StringBuilder _escaped = new();
    private char[] _escapedChars = new char[1024];
    // Per text feature, the model's categories, and the texts outside them met so far (each distinct text checked once).
    private readonly HashSet<string>?[] _known;
    private readonly List<string>?[] _unseen;

    /// <param name="path">The CSV or Parquet file.</param>
    /// <param name="schema">The model's columns.</param>
    /// <param name="labelRequired">Whether the file must have the label column (evaluate, streaming training).</param>
    /// <param name="keepText">Keep each row's CSV text (<see cref="RowText"/>), for a CSV predictions file.</param>
    /// <param name="skipBadRows">Skip malformed rows (counted) instead of failing.</param>
    /// <param name="keepFields">Keep each row's fields (<see cref="RowField"/>), for a Parquet predictions file.</param>
    /// <param name="separator">A CSV file's field separator; null finds it from the first lines.</param>
    /// <param name="categories">Per text feature, the model's categories (<see cref="ModelCategories"/>): other texts are noted by <see cref="Finish"/>.</param>
    public CsvBlockReader(string path, ModelSchema schema, bool labelRequired, bool keepText, bool skipBadRows, bool keepFields = false,
        IReadOnlyDictionary<string, HashSet<string>>? categories = null, char? separator = null)
    {
        _reader = TableFile.Open(path, separator, schema.MissingValues?.ForLabel(schema.LabelColumn));
        _csv = _reader as CsvRowReader;
        _schema = schema;
        _keepText = keepText;
        _keepFields = keepFields;
        _labelRequired = labelRequired;
        var header = _reader.Header;
        var columns = new CsvTable(path, header.Select(h => TableColumn.Numeric(h, [])).ToArray(), []);
        _features = schema.Features.Select(f => (f, Array.IndexOf(header, column(f.Name, "a feature the model was trained on")))).ToArray();
        _label = Array.IndexOf(header, schema.LabelColumn);
        if (_label < 0 && labelRequired) columns.Require(schema.LabelColumn, "the label the model was trained to predict");
        _badRows = new BadRows(path, header, skipBadRows, _reader.Locator);
        _numbers = _features.Select(f => f.Feature.Kind == ColumnKind.Numeric ? new float[BlockRows] : null).ToArray();
        _texts = _features.Select(f => f.Feature.Kind != ColumnKind.Numeric ? new string?[BlockRows] : null).ToArray();
        _missing = new long[_features.Length];
        _interned = _features.Select(_ => new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
        _known = _features.Select(f => f.Feature.Kind == ColumnKind.Categorical ? categories?.GetValueOrDefault(f.Feature.Name) : null).ToArray();
        _unseen = _known.Select(k => k is null ? null : new List<string>()).ToArray();

        string column(string name, string role) => columns.Require(name, role).Name;
    }

    public string[] Header => _reader.Header;

    /// <summary>The header as a CSV file wrote it (<see cref="CsvRowReader.WrittenHeader"/>); <see cref="Header"/> for Parquet.</summary>
    public string[] WrittenHeader => ((_reader is MarkedRecordReader marked ? marked.Inner : _reader) as CsvRowReader)?.WrittenHeader ?? Header;

    /// <summary>The input file's column types when it is a Parquet file; null for CSV (all text).</summary>
    public Parquet.Schema.DataField[]? ParquetFields => (_reader as ParquetRecordReader)?.Fields;

    /// <summary>Whether the file has the label column.</summary>
    public bool HasLabel => _label >= 0;

    /// <summary>Rows read so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Reads the next block; null at the end of the file.</summary>
    // Its row loop runs a million times in one call sequence: optimised at once rather than through on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CsvTable? ReadBlock()
    {
        var lines = new List<int>(BlockRows);
        var (numbers, texts, labels, regressionLabels) = (_numbers, _texts, _labels, _regressionLabels);
        _rowBytesLength = 0;
        _fieldTextLength = 0;
        _fieldEnds.Clear();
        while (lines.Count < BlockRows && _reader.Read())
        {
            if (!_badRows.Accept(_reader)) continue;
            int r = lines.Count;
            if (!ReadFeatures(r)) continue;
            if (_label >= 0) ReadLabel(_reader.Field(_label).Trim(), r, labels, regressionLabels);
            CountMissing(r);
            if (_keepText) CopyText(lines.Count);
            if (_keepFields) CopyFields();
            lines.Add(_reader.Line);
        }
        if (lines.Count == 0) return null;
        Rows += lines.Count;
        int n = lines.Count;
        var columns = new List<TableColumn>();
        for (int j = 0; j < _features.Length; j++)
        {
            var name = _features[j].Feature.Name;
            columns.Add(numbers[j] is { } values ? TableColumn.Numeric(name, Take(values, n)) : TableColumn.Categorical(name, Take(texts[j]!, n)));
        }
        if (_label >= 0)
        {
            columns.Add(_schema.Task == TaskKind.Regression
                ? TableColumn.Numeric(_schema.LabelColumn, Take(regressionLabels, n))
                : TableColumn.Categorical(_schema.LabelColumn, Take(labels, n)));
        }
        return new CsvTable(_reader.Path, columns, lines.ToArray(), locator: _reader.Locator);
    }

    /// <summary>A full block uses the reused array itself; only the last, shorter block is copied.</summary>
    private static T[] Take<T>(T[] values, int count) => count == values.Length ? values : values[..count];

    /// <summary>Row <paramref name="row"/> of the last block as CSV text in UTF-8 (kept with <c>keepText</c>), valid until the next <see cref="ReadBlock"/>.</summary>
    public ReadOnlySpan<byte> RowText(int row)
    {
        int start = row == 0 ? 0 : _rowEnds[row - 1];
        return _rowBytes.AsSpan(start, _rowEnds[row] - start);
    }

    /// <summary>Field <paramref name="column"/> of row <paramref name="row"/> of the last block, as text (kept with <c>keepFields</c>).</summary>
    public ReadOnlySpan<char> RowField(int row, int column)
    {
        int i = row * Header.Length + column;
        int start = i == 0 ? 0 : _fieldEnds[i - 1];
        return _fieldText.AsSpan(start, _fieldEnds[i] - start);
    }

    /// <summary>Notes on skipped rows and missing values; an error when the file has no data rows.</summary>
    public List<string> Finish()
    {
        if (Rows == 0) throw new CliException($"{_reader.Path} has a header but no data rows.");
        var notes = new List<string>();
        var missing = new List<MissingValueNotes.Column>();
        if (_badRows.Note() is { } skipped) notes.Add(skipped);
        for (int j = 0; j < _features.Length; j++)
        {
            if (_missing[j] > 0)
            {
                var note = MissingValueNotes.Of(_features[j].Feature.Name, _missing[j], _counted, _features[j].Feature.Kind);
                notes.Add(note.Note);
                missing.Add(note);
            }
            if (_unseen[j] is { Count: > 0 } unseen) notes.Add(UnseenCategoryNote.For(_features[j].Feature.Name, unseen, unseen.Count >= InternLimit, _known[j]!.Count, CategoryCap.For(_schema)));
        }
        // The same grouping as training's notes: a wide table (set 4's pbc) printed a line per column on every refit and prediction.
        MissingValueNotes.Group(notes, missing);
        return notes;
    }

    /// <summary>
    /// Reads the row's features into block row <paramref name="r"/>; false when a numeric field holds text and the
    /// row is skipped. A model's numeric column takes numbers only: the type was settled when it was trained.
    /// </summary>
    // Runs once per row or field of a million-row file: compiled optimised at once instead of spending the first
    // seconds in the unoptimised and instrumented tiers, worst on one core (docs/scale.md, "Round 5").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadFeatures(int r)
    {
        for (int j = 0; j < _features.Length; j++)
        {
            int index = _features[j].Index;
            // A CSV file has no typed columns: its sealed reader is called directly, every field is text.
            if (_csv is null && _numbers[j] is { } typed && _reader.TryNumber(index, out typed[r])) continue;
            var field = (_csv is { } csv ? csv.Field(index) : _reader.Field(index)).Trim();
            if (_numbers[j] is { } values)
            {
                // A column of true/false trained as 1/0 (ColumnSniffer's Boolean kind) and the model keeps it numeric.
                if (ColumnSniffer.TryNumber(field, out values[r]) || ColumnSniffer.TryBoolean(field, out values[r])) continue;
                values[r] = float.NaN;
                if (!ColumnSniffer.IsMissing(field))
                {
                    _badRows.Reject(_reader.Line, _features[j].Feature.Name, field.ToString(), "numeric");
                    return false;
                }
            }
            else
            {
                _texts[j]![r] = field.IsEmpty ? null : Intern(j, field);
            }
        }
        return true;
    }

    // Counts row r's missing features unless the row has no label and evaluate (or streaming training) skips it: Chile's
    // income read 98 replaced for the 2,532 rows evaluated, which have 83, the figure train gave for the same rows.
    private void CountMissing(int r)
    {
        if (_labelRequired && (_schema.Task == TaskKind.Regression ? float.IsNaN(_regressionLabels[r]) : _labels[r] is null)) return;
        _counted++;
        for (int j = 0; j < _features.Length; j++) if (_numbers[j] is { } values ? float.IsNaN(values[r]) : _texts[j]![r] is null) _missing[j]++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadLabel(ReadOnlySpan<char> field, int r, string?[] labels, float[] regressionLabels)
    {
        if (_schema.Task == TaskKind.Regression)
        {
            regressionLabels[r] = ColumnSniffer.TryNumber(field, out float v) ? v : float.NaN;
            return;
        }
        // A class label repeats: its text is worked out once per distinct field (up to InternLimit of them).
        var known = _labelTexts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (known.TryGetValue(field, out var label))
        {
            labels[r] = label;
            return;
        }
        labels[r] = LabelText(field);
        if (_labelTexts.Count < InternLimit) known[field] = labels[r];
    }

    /// <summary>The text train gave the class: numbers as their shortest round-trip form, true/false in lower case.</summary>
    /// <remarks>A marker such as "NA" is a missing label unless the model has it as a class: train read a text label column's "NA" as a class.</remarks>
    private string? LabelText(ReadOnlySpan<char> field)
    {
        return field.IsEmpty || (ColumnSniffer.IsMissing(field) && Array.IndexOf(_schema.Classes, field.ToString()) < 0) ? null
            : ColumnSniffer.TryNumber(field, out float number) ? number.ToString("R", CultureInfo.InvariantCulture)
            : ColumnSniffer.TryBoolean(field, out float flag) ? (flag != 0 ? "true" : "false")
            : field.ToString();
    }

    private string Intern(int column, ReadOnlySpan<char> value)
    {
        var lookup = _interned[column];
        if (lookup.TryGetValue(value, out var known)) return known;
        var text = value.ToString();
        if (lookup.Set.Count < InternLimit)
        {
            lookup.Set.Add(text);
            // A new distinct text (past the limit a text is no longer remembered, and neither is its check).
            if (_known[column] is { } categories && !categories.Contains(text)) _unseen[column]!.Add(text);
        }
        return text;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CopyText(int row)
    {
        if (_reader.IsPlain)
        {
            AppendUtf8(_reader.PlainRecord);
        }
        else
        {
            _escaped.Clear();
            for (int c = 0; c < _reader.FieldCount; c++)
            {
                if (c > 0) _escaped.Append(',');
                CsvRowReader.AppendEscaped(_escaped, _reader.Field(c));
            }
            // One span for the whole row: encoding a StringBuilder chunk by chunk would split a surrogate pair.
            if (_escapedChars.Length < _escaped.Length) _escapedChars = new char[Math.Max(_escaped.Length, 2 * _escapedChars.Length)];
            _escaped.CopyTo(0, _escapedChars, _escaped.Length);
            AppendUtf8(_escapedChars.AsSpan(0, _escaped.Length));
        }
        _rowEnds[row] = _rowBytesLength;
    }

    private void AppendUtf8(ReadOnlySpan<char> text)
    {
        int most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_rowBytesLength + most > _rowBytes.Length) Array.Resize(ref _rowBytes, Math.Max(_rowBytes.Length * 2, _rowBytesLength + most));
        _rowBytesLength += Encoding.UTF8.GetBytes(text, _rowBytes.AsSpan(_rowBytesLength));
    }

    private void CopyFields()
    {
        for (int c = 0; c < _reader.FieldCount; c++)
        {
            var field = _reader.Field(c);
            if (_fieldTextLength + field.Length > _fieldText.Length) Array.Resize(ref _fieldText, Math.Max(_fieldText.Length * 2, _fieldTextLength + field.Length));
            field.CopyTo(_fieldText.AsSpan(_fieldTextLength));
            _fieldTextLength += field.Length;
            _fieldEnds.Add(_fieldTextLength);
        }
    }

    public void Dispose() => _reader.Dispose();
}
