namespace NNTrainer.Cli.Data;

/// <summary>
/// A CSV or Parquet file as typed columns, read in one streaming pass: column types come from the first rows
/// (<see cref="ColumnSniffer"/>), values go straight into float arrays (numbers, NaN where missing) or shared strings
/// (text). An empty field is a missing value, and so is one of the usual markers (NA, N/A, NaN, null, ?) in a
/// numeric column and a value the user names (<see cref="MissingValues"/>) in any column but the label; a rare stray
/// text in a numeric column is read as missing and reported.
/// </summary>
internal sealed class CsvTable
{
    public CsvTable(string path, IReadOnlyList<TableColumn> columns, IReadOnlyList<int> lineNumbers, IReadOnlyList<string>? notes = null, RowLocator? locator = null)
    {
        Locator = locator ?? RowLocator.Lines;
        Path = path;
        Columns = columns;
        LineNumbers = lineNumbers;
        Notes = notes ?? [];
    }

    public string Path { get; }

    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Says where a row is in the file: "line N" (CSV) or the row and its row group (Parquet).</summary>
    public RowLocator Locator { get; }

    /// <summary>Where each row is in the file: its line (CSV) or its 1-based row number (Parquet).</summary>
    public IReadOnlyList<int> LineNumbers { get; }

    /// <summary>What the reader did that the user should know: skipped rows, stray values read as missing.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The values the file was read with as missing (<c>--missing-values</c>, the label known); null for none.</summary>
    public MissingValues? MissingValues { get; init; }

    /// <summary>Columns of numbers read as categories because the file quotes them (<see cref="QuotedColumns"/>).</summary>
    public IReadOnlyList<string> QuotedCategories { get; init; } = [];

    public int RowCount => LineNumbers.Count;

    public TableColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The column, or an error that names the file and lists the columns it has.</summary>
    public TableColumn Require(string name, string role)
    {
        var column = Find(name);
        if (column is not null) return column;
        // Case aside, or a leading '#': ML.NET's text files comment out their header line so (iris.txt: "#Label").
        var near = Columns.FirstOrDefault(c => string.Equals(c.Name.TrimStart('#'), name.TrimStart('#'), StringComparison.OrdinalIgnoreCase));
        var hint = near is not null ? $" (did you mean '{near.Name}'?)" : "";
        throw new CliException($"{Path} has no column '{name}' ({role}){hint}; its columns are: {string.Join(", ", Columns.Select(c => Shorten(c.Name)))}.{HeaderHint.For(Columns.Select(c => c.Name).ToArray())}");
    }

    /// <summary>A name cut to 80 characters for a message: a header read as one column may be a whole line of thousands.</summary>
    private static string Shorten(string name) => name.Length <= 80 ? name : $"{name[..80]}… ({name.Length:N0} characters)";

    public CsvTable SelectRows(IReadOnlyList<int> rows) =>
        new(Path, Columns.Select(c => c.SelectRows(rows)).ToArray(), rows.Select(r => LineNumbers[r]).ToArray(), Notes, Locator) { MissingValues = MissingValues, QuotedCategories = QuotedCategories };

    /// <param name="path">The CSV or Parquet file.</param>
    /// <param name="skipBadRows">Skip (and count) rows whose number of fields is not the header's instead of failing.</param>
    /// <param name="maxRows">Read only the first this many rows (the sample <c>train --streaming</c> infers types and fits on); null reads them all.</param>
    /// <param name="separator">A CSV file's field separator (<c>--separator</c>); null finds it from the first lines.</param>
    /// <param name="markers">Values read as missing (<c>--missing-values</c>, with the label set); null for none.</param>
    /// <param name="categorical">Columns read as categories whatever their values (<c>--categorical</c>); null for none.</param>
    /// <param name="modelCategories">A resumed model's category columns: read as categories where the file has them (a missing one is the model check's to report).</param>
    /// <param name="numeric">Columns read as numbers even when the file quotes them (<c>--numeric</c>, <see cref="QuotedColumns"/>); null for none.</param>
    /// <param name="modelNumbers">A resumed model's numeric columns: never made categories by their quotes.</param>
    public static CsvTable Load(string path, bool skipBadRows = false, int? maxRows = null, char? separator = null, MissingValues? markers = null,
        IReadOnlyCollection<string>? categorical = null, IReadOnlyCollection<string>? modelCategories = null,
        IReadOnlyCollection<string>? numeric = null, IReadOnlyCollection<string>? modelNumbers = null)
    {
        using var reader = TableFile.Open(path, separator, markers);
        var header = reader.Header;
        foreach (var (names, option) in new[] { (categorical, "--categorical"), (numeric, "--numeric") })
        {
            if (names?.FirstOrDefault(c => !header.Contains(c)) is { } missing)
            {
                throw new CliException($"{option} names column '{missing}', which {path} does not have; its columns are: {string.Join(", ", header.Select(Shorten))}.", ExitCodes.UsageError);
            }
        }
        if (numeric?.FirstOrDefault(c => categorical?.Contains(c) == true) is { } both)
        {
            throw new CliException($"Column '{both}' is named by both --categorical and --numeric; name it in one of them.", ExitCodes.UsageError);
        }
        if (markers?.Columns.Keys.FirstOrDefault(c => !header.Contains(c)) is { } unknown)
        {
            throw new CliException($"--missing-values names column '{unknown}', which {path} does not have; its columns are: {string.Join(", ", header.Select(Shorten))}.", ExitCodes.UsageError);
        }
        var badRows = new BadRows(path, header, skipBadRows, reader.Locator);
        var sample = new List<string[]>();
        var quotes = new QuotedColumns(header.Length);
        var sampleLines = new List<int>();
        while (sample.Count < Math.Min(ColumnSniffer.SampleRows, maxRows ?? int.MaxValue) && reader.Read())
        {
            if (!badRows.Accept(reader)) continue;
            quotes.Add(reader);
            var fields = new string[header.Length];
            for (int c = 0; c < fields.Length; c++) fields[c] = reader.Field(c).ToString();
            sample.Add(fields);
            sampleLines.Add(reader.Line);
        }
        // A column without a value in the sample (SniffedKind.Empty) waits for its first value to choose its type.
        var asCategories = new HashSet<string>([.. categorical ?? [], .. modelCategories ?? []], StringComparer.Ordinal);
        var asNumbers = new HashSet<string>([.. numeric ?? [], .. modelNumbers ?? []], StringComparer.Ordinal);
        var kinds = ColumnSniffer.Infer(header.Length, sample);
        var quoted = quotes.Categories(kinds).Select(c => header[c]).Where(n => !asCategories.Contains(n) && !asNumbers.Contains(n)).ToArray();
        var builders = kinds.Select((kind, c) => ColumnBuilder.Create(header[c], Kind(header[c], kind))).ToArray();
        SniffedKind Kind(string name, SniffedKind sniffed) =>
            asCategories.Contains(name) || quoted.Contains(name) ? SniffedKind.Text
            : numeric?.Contains(name) == true && sniffed != SniffedKind.Boolean ? SniffedKind.Numeric
            : sniffed;
        var lines = new List<int>(sample.Count);
        for (int r = 0; r < sample.Count; r++)
        {
            for (int c = 0; c < builders.Length; c++) builders[c].Add(sample[r][c], sampleLines[r]);
            lines.Add(sampleLines[r]);
        }
        sample.Clear();
        // Numeric columns of a typed file (Parquet) skip the text: the reader hands out the float the text would parse to.
        var numbers = builders.Select(b => b is NumericColumnBuilder { IsBoolean: false } n ? n : null).ToArray();
        while ((maxRows is null || lines.Count < maxRows) && reader.Read())
        {
            if (!badRows.Accept(reader)) continue;
            for (int c = 0; c < builders.Length; c++)
            {
                if (numbers[c] is { } typed && reader.TryNumber(c, out float value)) typed.AddNumber(value);
                else builders[c].Add(reader.Field(c), reader.Line);
            }
            lines.Add(reader.Line);
        }
        if (lines.Count == 0) throw new CliException($"{path} has a header but no data rows.");
        var notes = new List<string>();
        if (markers is not null) notes.Add($"Read as missing (--missing-values): {markers.Describe()}.");
        if ((reader is MarkedRecordReader marked ? marked.Inner : reader) is CsvRowReader { HasNoHeader: true }) notes.Add(HeaderlessFile.Note(path, header.Length));
        if (badRows.Note() is { } skipped) notes.Add(skipped);
        foreach (var builder in builders)
        {
            if ((builder is DeferredColumnBuilder d ? d.Decided : builder) is NumericColumnBuilder decided)
            {
                CheckStrays(path, decided.Strays, decided.Count, notes, reader.Locator, deferred: builder is DeferredColumnBuilder);
            }
        }
        var columns = new TableColumn[builders.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = builders[c].Build();
        if (markers?.LabelNote(columns) is { } label) notes.Add(label);
        // The chunks the columns were assembled from are as large as the table: collected now, their memory is reused
        // for the feature matrices instead of the process growing by another table's worth first. Aggressive hands the
        // freed pages back at once, which a plain collection leaves to later (after the matrices have grown the process).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        MemoryTrace.Note("file read into typed columns");
        return new CsvTable(path, columns, lines.ToArray(), notes, reader.Locator) { MissingValues = markers, QuotedCategories = quoted };
    }

    /// <summary>A few stray texts in a numeric column are missing values (noted); many are an error.</summary>
    private static void CheckStrays(string path, StrayValues strays, long values, List<string> notes, RowLocator locator, bool deferred)
    {
        if (strays.Count == 0) return;
        if (strays.Count > ColumnSniffer.StrayAllowance(values))
        {
            var (line, value) = strays.First[0];
            var before = deferred
                ? $"was empty in its first {ColumnSniffer.SampleRows:N0} rows, then its first value was a number, so it is numeric, but it holds '{value}' here"
                : $"held numbers in its first rows but holds '{value}' here";
            throw new CliException($"{path} {locator.Describe(line)}: column '{strays.Column}' {before}; " +
                $"{strays.Count:N0} of its {values:N0} values are not numbers ({strays.Describe(locator)}). Fix the file or pass --ignore {strays.Column}.");
        }
        notes.Add($"Column '{strays.Column}' is numeric but {strays.Count:N0} value{(strays.Count == 1 ? " is" : "s are")} not a number and {(strays.Count == 1 ? "was" : "were")} read as missing: {strays.Describe(locator)}.");
    }
}
