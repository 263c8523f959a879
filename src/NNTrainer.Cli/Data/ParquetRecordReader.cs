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
    private char[] _record = new char[1024];
    private readonly int[] _ends;
    private int _recordLength;

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
        _ends = new int[_columns.Length];
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

    public bool IsPlain { get; private set; }

    public ReadOnlySpan<char> PlainRecord => _record.AsSpan(0, _recordLength);

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
        int start = index == 0 ? 0 : _ends[index - 1] + 1;
        return _record.AsSpan(start, _ends[index] - start);
    }

    public bool Read()
    {
        while (_row >= _groupRows)
        {
            if (_group + 1 >= _groupStarts.Length) return false;
            LoadGroup(++_group);
        }
        _recordLength = 0;
        bool plain = true;
        for (int c = 0; c < _columns.Length; c++)
        {
            if (c > 0)
            {
                if (_recordLength == _record.Length) Array.Resize(ref _record, _record.Length * 2);
                _record[_recordLength++] = ',';
            }
            int start = _recordLength;
            _recordLength += _columns[c].Format(_row, ref _record, _recordLength);
            _ends[c] = _recordLength;
            if (plain && _record.AsSpan(start, _recordLength - start).IndexOfAny(Special) >= 0) plain = false;
        }
        IsPlain = plain;
        Line = checked((int)(_groupStarts[_group] + _row + 1));
        _row++;
        return true;
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
