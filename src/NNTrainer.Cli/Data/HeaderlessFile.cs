using System.Globalization;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Tells a file without a header row from one with, on its first line: a line of numbers only that repeats a value or
/// holds a number with a fraction is data (breast-cancer.txt of ML.NET's test data: <c>0 5 1 1 1 2 1 3 1 1</c>), as
/// ML.NET's <c>InferColumns</c> also decides from numbers in numeric columns. Whole distinct numbers stay a header:
/// pandas' <c>to_csv</c> names a frame's columns <c>0,1,2,…</c>, and years or codes make real column names. Such a
/// file's columns are named as <c>InferColumns</c> names them, <c>col0</c>, <c>col1</c>, … (pandas' <c>header=None</c>
/// gives 0, 1, …, which read like values on a command line).
/// </summary>
internal static class HeaderlessFile
{
    /// <summary>Whether the first line's fields (trimmed) are a row of data rather than column names.</summary>
    public static bool IsData(IReadOnlyList<string> fields)
    {
        bool fraction = false;
        foreach (var field in fields)
        {
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value)) return false;
            fraction |= value != Math.Round(value);
        }
        // Two equal names cannot head two columns, so numbers that repeat are values.
        return fraction || fields.Distinct(StringComparer.Ordinal).Count() < fields.Count;
    }

    /// <summary>The names of a header-less file's columns: col0, col1, ….</summary>
    public static string[] Names(int count) => Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"col{i}")).ToArray();

    /// <summary>The rule, for messages.</summary>
    public const string Rule = "numbers only, one repeated or with a fraction";

    /// <summary>The note for the report: what was read as what, and how to name the label.</summary>
    public static string Note(string path, int columns) =>
        $"{System.IO.Path.GetFileName(path)} has no header row (its first line is data: {Rule}): its {columns} columns are named col0 … col{columns - 1}, as ML.NET's InferColumns names them; pass --label colN.";
}
