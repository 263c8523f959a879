namespace NNTrainer.Cli.Data;

/// <summary>
/// <c>train --memory-budget MB</c>: an estimate, before reading the file, of the peak memory of training on it in
/// memory, to switch to <c>--streaming</c> above the budget. The estimate is rows × columns × 16 bytes: the typed
/// columns and the feature matrix, which the trainer now takes over without a copy; fitted with a margin on the
/// measured peak (325 MB for 1,000,000 rows of 22 columns, 14.8 bytes per value with the runtime included; it was
/// 672 MB and 32 bytes before the hand-over; docs/scale.md). Text columns one-hot encoded into many features cost
/// more than the estimate says.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>Bytes of in-memory training per row and column.</summary>
    public const long BytesPerValue = 16;

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
