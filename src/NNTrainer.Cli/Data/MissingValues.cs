using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Values the user names as missing with <c>--missing-values</c>, as pandas' <c>read_csv(na_values=…)</c>: UCI's
/// <c>?</c>, a sentinel such as <c>-999</c>, <c>unknown</c>. A named value reads as an empty field would, in a numeric
/// column (filled with the training mean) and in a category column (the category blanks get) alike. They add to the
/// markers the reader always treats as missing (<see cref="ColumnSniffer.MissingMarkers"/>), and are saved with the model
/// (<see cref="ModelSchema.MissingValues"/>) so that <c>evaluate</c> and <c>predict</c> read new files as <c>train</c> read its own.
/// </summary>
/// <remarks>
/// <see cref="All"/> does not apply to the label column: there a named value would drop its rows as unlabelled, and a
/// list meant for the features (<c>none</c>, <c>unknown</c>) can be a class (contact-lenses.arff's label has <c>none</c>);
/// the reader notes such a class instead (<see cref="LabelNote"/>), and <c>LABEL=VALUE</c> drops those rows when that is meant.
/// </remarks>
internal sealed record MissingValues
{
    /// <summary>Values missing in every column but the label.</summary>
    public string[] All { get; init; } = [];

    /// <summary>Values missing in one column each (<c>COLUMN=VALUE</c>), the label's included.</summary>
    public SortedDictionary<string, string[]> Columns { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The label column, to which <see cref="All"/> does not apply; not saved (the model's schema names it).</summary>
    [JsonIgnore]
    public string? Label { get; init; }

    /// <summary>The same markers read for a file whose label is <paramref name="label"/>.</summary>
    public MissingValues ForLabel(string label) => this with { Label = label };

    /// <summary>
    /// The option's entries (each token split at commas, trimmed, empty ones dropped as <c>--ignore</c> drops them): a plain value for every column but the label, or
    /// <c>COLUMN=VALUE</c> for one column; null with <paramref name="error"/> set when the list is empty or an entry is.
    /// </summary>
    public static MissingValues? Parse(IEnumerable<string> tokens, out string? error)
    {
        var all = new List<string>();
        var columns = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        error = null;
        foreach (var entry in tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            int equals = entry.IndexOf('=');
            var (column, value) = equals < 0 ? (null, entry) : (entry[..equals].Trim(), entry[(equals + 1)..].Trim());
            if (value.Length == 0 || column is "")
            {
                error = $"--missing-values: '{entry}' names {(column is "" ? "no column" : "no value")}; give VALUE for every column or COLUMN=VALUE for one (an empty field is always missing).";
                return null;
            }
            if (column is null) all.Add(value);
            else columns[column] = [.. columns.GetValueOrDefault(column, []), value];
        }
        if (all.Count == 0 && columns.Count == 0)
        {
            error = "--missing-values names no value; give them comma-separated, e.g. --missing-values \"?,-999\" (an empty field is always missing).";
            return null;
        }
        return new MissingValues { All = [.. all.Distinct(StringComparer.Ordinal)], Columns = columns };
    }

    /// <summary>The markers of column <paramref name="column"/>; null when it has none.</summary>
    public MarkerSet? For(string column)
    {
        var own = Columns.GetValueOrDefault(column, []);
        var markers = column == Label ? own : [.. All, .. own];
        return markers.Length == 0 ? null : new MarkerSet(markers);
    }

    /// <summary>"'?', '-999'; 'plas': '0'", for notes.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (All.Length > 0) parts.Add($"{Quote(All)} in every column but the label");
        parts.AddRange(ByColumn.Select(c => $"{Quote(c.Value)} in '{c.Key}'"));
        return string.Join("; ", parts);
    }

    /// <summary>The option's value that gives these markers.</summary>
    public string AsOption() => string.Join(",", All.Concat(ByColumn.SelectMany(c => c.Value.Select(v => $"{c.Key}={v}"))));

    /// <summary>Whether <paramref name="other"/> reads the same values as missing, whatever the order they were given in.</summary>
    public bool SameAs(MissingValues other) =>
        All.ToHashSet(StringComparer.Ordinal).SetEquals(other.All)
        && Columns.Count == other.Columns.Count
        && Columns.All(c => other.Columns.TryGetValue(c.Key, out var values) && c.Value.ToHashSet(StringComparer.Ordinal).SetEquals(values));

    // A schema read back from JSON sorts its columns with the default (culture) comparer: notes order them one way.
    private IEnumerable<KeyValuePair<string, string[]>> ByColumn => Columns.OrderBy(c => c.Key, StringComparer.Ordinal);

    /// <summary>For <c>--json</c>: the markers and where they came from (the option, or the model).</summary>
    public JsonObject ToJson(string from) => new()
    {
        ["all"] = new JsonArray([.. All.Select(v => JsonValue.Create(v))]),
        ["columns"] = new JsonObject(Columns.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)new JsonArray([.. c.Value.Select(v => JsonValue.Create(v))])))),
        ["from"] = from,
    };

    /// <summary>
    /// A note when a value of <see cref="All"/> is found in the label column (which keeps it), saying how to drop
    /// those rows instead; null when there is none.
    /// </summary>
    public string? LabelNote(IReadOnlyList<TableColumn> columns)
    {
        if (All.Length == 0 || columns.FirstOrDefault(c => c.Name == Label) is not { } label) return null;
        var markers = new MarkerSet(All);
        var found = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < label.Length; r++)
        {
            bool match = label.Numbers is { } numbers ? markers.Matches(numbers[r]) : label.Texts![r] is { } text && markers.Matches(text);
            if (match) found[label.TextAt(r)!] = found.GetValueOrDefault(label.TextAt(r)!) + 1;
        }
        if (found.Count == 0) return null;
        var values = string.Join(", ", found.Select(f => $"'{f.Key}' in {f.Value:N0} row{(f.Value == 1 ? "" : "s")}"));
        return $"Label column '{Label}' holds {values}: --missing-values applies to the other columns, so the label keeps {(found.Count == 1 ? "it" : "them")} as {(label.Numbers is null ? "a class" : "a value")}. "
            + $"To skip those rows as unlabelled, name the label column: --missing-values \"{string.Join(",", found.Keys.Select(k => $"{Label}={k}"))}\".";
    }

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
