namespace NNTrainer.Cli.Data;

/// <summary>
/// <c>train --memory-budget MB</c>: an estimate, before reading the file, of the peak memory of training on it in
/// memory, to switch to <c>--streaming</c> above the budget. The estimate is rows × (columns × 14 bytes + one-hot
/// slots × <see cref="BytesPerSlot"/>). The 14 bytes per value are the typed columns and the feature matrix, which the
/// trainer takes over without a copy, fitted on the measured peaks, runtime included, now that freed memory goes back
/// to the system before the next matrix is written: 2,267 MiB for 10,000,000 rows of 22 columns (10.8 bytes per value)
/// and 283 MiB for 1,000,000 rows (13.5); before that it took 20 bytes (3,922 MiB at 10M rows; docs/scale.md, "Round 6"
/// and "Round 7 audit"). A text column costs more than one value a row: it is one-hot encoded into one float per
/// category (at most the cap, <see cref="CategoryCap.ForRows"/>) in the feature matrix, so the categories of the first
/// rows are counted and each slot beyond the column's first is priced apart: 5 bytes, fitted on a 1M- and a 2M-row
/// file with a 100-category column (533 and 986 MiB against estimates of 566 and 1,131).
/// </summary>
internal static class MemoryBudget
{
    /// <summary>Bytes of in-memory training per row and column.</summary>
    public const long BytesPerValue = 14;

    /// <summary>Bytes of in-memory training per row for each one-hot slot of a text column beyond its first.</summary>
    public const long BytesPerSlot = 5;

    /// <summary>Rows whose categories are counted: the rows type inference reads.</summary>
    private const int SampleRows = ColumnSniffer.SampleRows;

    private const int ProbeBytes = 1 << 20;

    /// <summary>The estimated rows of the file and the estimated peak memory, in bytes, of training on it in memory.</summary>
    /// <param name="path">The CSV or Parquet file.</param>
    /// <param name="label">The label column, whose classes are not one-hot features; null when unknown.</param>
    /// <param name="separator">A CSV file's field separator; null finds it from the first lines.</param>
    /// <param name="maxCategories">The one-hot cap training will use (<c>--max-categories</c>); null for the default, which scales with the rows (<see cref="CategoryCap.ForRows"/>).</param>
    public static (long Rows, long Bytes) Estimate(string path, string? label = null, char? separator = null, int? maxCategories = null)
    {
        int columns;
        long rows;
        using (var reader = TableFile.Open(path, separator))
        {
            rows = Rows(reader);
            columns = reader.Header.Length;
        }
        int cap = maxCategories ?? CategoryCap.ForRows(rows);
        return (rows, rows * (columns * BytesPerValue + ExtraSlots(path, label, separator, cap) * BytesPerSlot));
    }

    /// <summary>The data rows of a file: a Parquet file's count, a CSV file's estimated from its first megabyte.</summary>
    /// <param name="path">The CSV or Parquet file.</param><param name="separator">A CSV file's field separator; null finds it.</param>
    public static long Rows(string path, char? separator = null)
    {
        using var reader = TableFile.Open(path, separator);
        return Rows(reader);
    }

    private static long Rows(IRecordReader reader) => reader is ParquetRecordReader parquet ? parquet.RowCount : CsvRows(reader.Path);

    /// <summary>
    /// One-hot slots beyond one per text feature column, counted in the first rows with the reader's own type
    /// inference (a category missing there costs nothing here; a column of many categories is capped as training caps it).
    /// </summary>
    private static long ExtraSlots(string path, string? label, char? separator, int maxCategories)
    {
        var sample = CsvTable.Load(path, skipBadRows: true, maxRows: SampleRows, separator);
        long slots = 0;
        foreach (var column in sample.Columns.Where(c => c.Kind == ColumnKind.Categorical && c.Name != label))
        {
            int distinct = column.Texts!.Select(t => t ?? TableDataView.MissingCategory).Distinct(StringComparer.Ordinal).Count();
            slots += Math.Min(distinct, maxCategories) - 1;
        }
        return slots;
    }

    /// <summary>Data rows of a CSV file, counted in its first megabyte and scaled to its length (exact for a smaller file).</summary>
    private static long CsvRows(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[ProbeBytes];
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        long lines = buffer.AsSpan(0, read).Count((byte)'\n');
        if (read > 0 && buffer[read - 1] != '\n' && read == stream.Length) lines++;
        long total = read == stream.Length ? lines : (long)((double)stream.Length * lines / read);
        return Math.Max(0, total - 1);
    }
}
