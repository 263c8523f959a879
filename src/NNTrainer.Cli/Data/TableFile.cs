namespace NNTrainer.Cli.Data;

/// <summary>Opens a data file by its extension: <c>.parquet</c> is Parquet, anything else is CSV.</summary>
internal static class TableFile
{
    /// <summary>Whether <paramref name="path"/> names a Parquet file.</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>A reader positioned before the first record, with the errors a user can act on.</summary>
    public static IRecordReader Open(string path) => IsParquet(path) ? ParquetRecordReader.Open(path) : CsvRowReader.Open(path);
}
