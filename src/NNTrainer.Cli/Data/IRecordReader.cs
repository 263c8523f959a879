namespace NNTrainer.Cli.Data;

/// <summary>
/// A tabular file read one record at a time, every field handed out as text: a CSV file (<see cref="CsvRowReader"/>)
/// or a Parquet file (<see cref="ParquetRecordReader"/>). Both go through the same type inference, featurisation and
/// bad-row rules, so a Parquet file behaves exactly like the same table saved as CSV.
/// </summary>
internal interface IRecordReader : IDisposable
{
    /// <summary>The file, as the user gave it.</summary>
    string Path { get; }

    /// <summary>The column names.</summary>
    string[] Header { get; }

    /// <summary>The current record's position: its line in a CSV file, its row (1-based) in a Parquet file.</summary>
    int Line { get; }

    /// <summary>Says where a <see cref="Line"/> value is in the file, for error messages.</summary>
    RowLocator Locator { get; }

    /// <summary>Fields in the current record.</summary>
    int FieldCount { get; }

    /// <summary>Whether the current record is the last one and the file stops inside it (a CSV file cut short).</summary>
    bool EndsWithoutNewline { get; }

    /// <summary>Whether no field of the current record needs quoting: then <see cref="PlainRecord"/> is its CSV text.</summary>
    bool IsPlain { get; }

    /// <summary>The current record's fields joined by commas.</summary>
    ReadOnlySpan<char> PlainRecord { get; }

    /// <summary>A field of the current record as text; empty when missing.</summary>
    ReadOnlySpan<char> Field(int index);

    /// <summary>
    /// A field of a typed numeric column (Parquet) as the float its text would parse to, NaN when null, without making
    /// the text; false when the file has no such column or the value needs the text path's rules (read <see cref="Field"/>).
    /// </summary>
    bool TryNumber(int index, out float value);

    /// <summary>Whether a field of the current record was enclosed in quotes in the file (never in a Parquet file).</summary>
    bool WasQuoted(int index);

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    bool Read();
}
