using System.Buffers;
using Parquet;
using Parquet.Schema;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Reads a Parquet file (Parquet.Net) row group by row group and hands its rows out as text records, so that
/// everything downstream (type inference from a sample, featurisation, missing values, bad rows) is the CSV path's:
/// one row group's columns are in memory at a time. Positions are 1-based row numbers; errors say the row group too.
/// </summary>
internal sealed class ParquetRecordReader : IRecordReader
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");
    private readonly ParquetReader _file;
    private readonly ParquetColumn[] _columns;
    private readonly long[] _groupStarts;
    private int _group = -1, _row, _groupRows;
    // Fields are rendered as text only when asked for (Field, PlainRecord): typed numbers skip the text altogether.
    private char[] _fieldText = new char[1024];
    private int _fieldTextLength;
    private readonly int[] _starts, _ends;
    private readonly long[] _renderedAt;
    private long _records;
    private char[] _record = new char[1024];
    private int _recordLength;
    private bool _recordReady, _plain;

    private ParquetRecordReader(string path, ParquetReader file)
    {
        Path = path;
        _file = file;
        var nested = file.Schema.Fields.FirstOrDefault(f => f is not DataField);
        if (nested is not null)
        {
            throw new CliException($"{path}: column '{nested.Name}' is a nested {nested.SchemaType} field; only flat columns of numbers, Booleans, text and dates can be read. Flatten it first.");
        }
        var fields = file.Schema.GetDataFields();
        if (fields.Length == 0) throw new CliException($"{path} has no columns.");
        _columns = fields.Select(f => ParquetColumn.Create(path, f)).ToArray();
        Fields = fields;
        Header = fields.Select(f => f.Name).ToArray();
        var duplicate = Header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CliException($"{path}: the schema names column '{duplicate.Key}' twice.");
        _starts = new int[_columns.Length];
        _ends = new int[_columns.Length];
        _renderedAt = new long[_columns.Length];
        _groupStarts = new long[file.RowGroupCount];
        long start = 0;
        for (int g = 0; g < file.RowGroupCount; g++)
        {
            _groupStarts[g] = start;
            start += file.RowGroups[g].RowCount;
        }
        RowCount = start;
        if (start > int.MaxValue) throw new CliException($"{path} has {start:N0} rows; at most {int.MaxValue:N0} can be read.");
        Locator = new RowGroupLocator(_groupStarts);
    }

    public string Path { get; }

    /// <summary>Rows in the file, from its row groups' metadata.</summary>
    public long RowCount { get; }

    public string[] Header { get; }

    /// <summary>The file's columns with their Parquet types.</summary>
    public DataField[] Fields { get; }

    public int Line { get; private set; }

    public RowLocator Locator { get; }

    public int FieldCount => _columns.Length;

    /// <summary>A Parquet row is always whole: a damaged file fails when its row group is read.</summary>
    public bool EndsWithoutNewline => false;

    public bool IsPlain
    {
        get
        {
            JoinRecord();
            return _plain;
        }
    }

    public ReadOnlySpan<char> PlainRecord
    {
        get
        {
            JoinRecord();
            return _record.AsSpan(0, _recordLength);
        }
    }

    /// <summary>Opens a Parquet file, with the errors a user can act on.</summary>
    public static ParquetRecordReader Open(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"{path} is a folder; a CSV or Parquet file is expected.");
        if (!File.Exists(path)) throw new CliException($"File not found: {path}");
        ParquetReader file;
        try
        {
            file = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not CliException)
        {
            throw new CliException($"{path}: not a readable Parquet file ({e.Message}); it may be cut short or not Parquet at all.");
        }
        try
        {
            return new ParquetRecordReader(path, file);
        }
        catch
        {
            file.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public ReadOnlySpan<char> Field(int index)
    {
        if (_renderedAt[index] != _records)
        {
            _starts[index] = _fieldTextLength;
            _fieldTextLength += _columns[index].Format(_row - 1, ref _fieldText, _fieldTextLength);
            _ends[index] = _fieldTextLength;
            _renderedAt[index] = _records;
        }
        return _fieldText.AsSpan(_starts[index], _ends[index] - _starts[index]);
    }

    /// <summary>A numeric column's value as the float its text parses to (NaN when null), without rendering the text; false: read <see cref="Field"/>.</summary>
    /// <summary>A Parquet value has a type of its own and no quotes: false.</summary>
    public bool WasQuoted(int index) => false;

    public bool TryNumber(int index, out float value) => _columns[index].TryNumber(_row - 1, out value);

    public bool Read()
    {
        while (_row >= _groupRows)
        {
            if (_group + 1 >= _groupStarts.Length) return false;
            LoadGroup(++_group);
        }
        _records++;
        _fieldTextLength = 0;
        _recordReady = false;
        Line = checked((int)(_groupStarts[_group] + _row + 1));
        _row++;
        return true;
    }

    /// <summary>Joins the current row's fields with commas into <see cref="PlainRecord"/>, once per row.</summary>
    private void JoinRecord()
    {
        if (_recordReady) return;
        _recordLength = 0;
        _plain = true;
        for (int c = 0; c < _columns.Length; c++)
        {
            var field = Field(c);
            int needed = _recordLength + field.Length + 1;
            if (needed > _record.Length) Array.Resize(ref _record, Math.Max(_record.Length * 2, needed));
            if (c > 0) _record[_recordLength++] = ',';
            field.CopyTo(_record.AsSpan(_recordLength));
            _recordLength += field.Length;
            if (_plain && field.IndexOfAny(Special) >= 0) _plain = false;
        }
        _recordReady = true;
    }

    private void LoadGroup(int group)
    {
        try
        {
            using var reader = _file.OpenRowGroupReader(group);
            _groupRows = checked((int)reader.RowCount);
            foreach (var column in _columns) column.Load(reader, _groupRows);
        }
        catch (Exception e) when (e is not CliException)
        {
            throw new CliException($"{Path} row group {group + 1} of {_groupStarts.Length}: cannot be read ({e.Message}); the file may be cut short or damaged.");
        }
        _row = 0;
    }

    public void Dispose() => _file.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
