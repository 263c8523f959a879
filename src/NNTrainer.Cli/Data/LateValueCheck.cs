namespace NNTrainer.Cli.Data;

/// <summary>
/// <c>train --streaming</c> takes the column types and the feature pipeline from the first
/// <see cref="ColumnSniffer.SampleRows"/> rows, so a column with no value there is left out of the model. In memory such
/// a column takes its type from its first value; streaming cannot (the pipeline is already fitted on the sample, where
/// the column has nothing to learn from), so rather than drop a column that holds data without a word, the rest of the
/// file is read once for a value in such a column and the first one found is an error that says what to pass.
/// </summary>
internal static class LateValueCheck
{
    /// <summary>Throws at the first value after the sample in a feature column that was empty in the sample.</summary>
    /// <param name="file">The CSV or Parquet file.</param>
    /// <param name="sample">The sample the streaming run was typed and fitted on.</param>
    /// <param name="label">The label column (its own rules apply).</param>
    /// <param name="ignore">The columns given by <c>--ignore</c>: the user has said they do not matter.</param>
    /// <param name="skipBadRows">As <c>--skip-bad-rows</c>: malformed rows are skipped here as in training.</param>
    /// <param name="separator">The CSV separator given by <c>--separator</c>, or null.</param>
    /// <returns>Whether the rest of the file was read (some column was empty in a sample that did not hold the whole file).</returns>
    /// <exception cref="CliException">A sample-empty column holds a value further down; the message names the line, column and value.</exception>
    public static bool Run(string file, CsvTable sample, string label, IReadOnlyCollection<string> ignore, bool skipBadRows, char? separator)
    {
        var empty = sample.Columns.Where(c => c.MissingCount == c.Length && c.Name != label && !ignore.Contains(c.Name)).Select(c => c.Name).ToHashSet();
        if (empty.Count == 0 || sample.RowCount < ColumnSniffer.SampleRows) return false;
        using var reader = TableFile.Open(file, separator, sample.MissingValues);
        var indices = Enumerable.Range(0, reader.Header.Length).Where(i => empty.Contains(reader.Header[i])).ToArray();
        var badRows = new BadRows(file, reader.Header, skipBadRows, reader.Locator);
        int lastSampled = sample.LineNumbers[^1];
        while (reader.Read())
        {
            if (reader.Line <= lastSampled || !badRows.Accept(reader)) continue;
            foreach (int c in indices)
            {
                var value = reader.Field(c).Trim();
                if (ColumnSniffer.IsMissing(value)) continue;
                string name = reader.Header[c];
                throw new CliException($"{file} {reader.Locator.Describe(reader.Line)}: column '{name}' is empty in the first {ColumnSniffer.SampleRows:N0} rows, " +
                    $"from which --streaming takes the column types and the feature pipeline, but holds '{value}' here. Pass --ignore {name} to train without it, " +
                    "move rows where it has values near the top of the file, or train without --streaming (in memory a column takes its type from its first value).");
            }
        }
        return true;
    }
}
