namespace NNTrainer.Cli.Data;

/// <summary>
/// <c>train --memory-budget MB</c>: an estimate, before reading the file, of the peak memory of training on it in
/// memory, to switch to <c>--streaming</c> above the budget. The estimate is rows × columns × 20 bytes: the typed
/// columns and the feature matrix, which the trainer takes over without a copy. Fitted on the measured peaks, runtime
/// included: 3,922 MiB for 10,000,000 rows of 22 columns (18.7 bytes per value) and 325 MB for 1,000,000 rows (14.8);
/// 16 bytes, fitted on the 1M-row peak alone, let a budget between 3,355 and 3,922 MiB train in memory above it
/// (docs/scale.md, "Round 6"). Text columns one-hot encoded into many features cost more than the estimate says.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>Bytes of in-memory training per row and column.</summary>
    public const long BytesPerValue = 20;

    private const int ProbeBytes = 1 << 20;

    /// <summary>The estimated rows of the file and the estimated peak memory, in bytes, of training on it in memory.</summary>
    public static (long Rows, long Bytes) Estimate(string path)
    {
        using var reader = TableFile.Open(path);
        long rows = reader is ParquetRecordReader parquet ? parquet.RowCount : CsvRows(path);
        return (rows, rows * reader.Header.Length * BytesPerValue);
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
