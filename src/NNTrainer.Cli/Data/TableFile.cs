using System.Text;

namespace NNTrainer.Cli.Data;

/// <summary>Opens a data file by its extension: <c>.parquet</c> is Parquet, anything else is CSV.</summary>
internal static class TableFile
{
    /// <summary>Whether <paramref name="path"/> names a Parquet file.</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>A reader positioned before the first record, with the errors a user can act on.</summary>
    /// <param name="path">The file.</param>
    /// <param name="separator">A CSV file's field separator; null finds it from its first lines.</param>
    /// <param name="markers">Values read as missing (<c>--missing-values</c>): the reader hands them out as empty fields; null for none.</param>
    public static IRecordReader Open(string path, char? separator = null, MissingValues? markers = null)
    {
        IRecordReader reader = IsParquet(path) ? ParquetRecordReader.Open(path) : OpenCsv(path, separator);
        return markers is null ? reader : new MarkedRecordReader(reader, markers);
    }

    /// <summary>Opens a file, with the errors a user can act on.</summary>
    /// <param name="path">The file.</param>
    /// <param name="separator">The field separator; null finds it from the first lines (<see cref="CsvSeparator.Sniff"/>).</param>
    public static CsvRowReader OpenCsv(string path, char? separator = null)
    {
        if (Directory.Exists(path)) throw new CliException($"{path} is a folder; a CSV file is expected.");
        if (!File.Exists(path)) throw new CliException($"File not found: {path}");
        StreamReader stream;
        try
        {
            if (separator is null)
            {
                using var sample = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                separator = CsvSeparator.Sniff(sample);
            }
            stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot be read ({e.Message}).");
        }
        try
        {
            return new CsvRowReader(path, stream, separator.Value);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
