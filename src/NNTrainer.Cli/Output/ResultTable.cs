using System.Text;

namespace NNTrainer.Cli.Output;

/// <summary>The rows of a comparison, formatted as text (redirected output) or as cells (terminal).</summary>
internal sealed class ResultTable(TaskKind task, IReadOnlyList<ResultRow> rows, bool showTime = true)
{
    public TaskKind Task { get; } = task;

    public IReadOnlyList<ResultRow> Rows { get; } = rows;

    public string[] Header => showTime ? ["Trainer", "Train s", .. MetricSet.NamesFor(Task)] : ["Trainer", .. MetricSet.NamesFor(Task)];

    public IEnumerable<string[]> Cells => Rows.Select(r => showTime
        ? (string[])[r.Trainer, r.TrainSeconds.ToString("0.00", CultureInfo.InvariantCulture), .. r.Metrics.Values.Select(m => Format(m.Value))]
        : [r.Trainer, .. r.Metrics.Values.Select(m => Format(m.Value))]);

    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A Markdown-compatible table: readable in a log and pasteable into a README.</summary>
    public string ToText()
    {
        var all = new List<string[]> { Header };
        all.AddRange(Cells);
        var widths = Enumerable.Range(0, Header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        for (int i = 0; i < all.Count; i++)
        {
            text.Append('|');
            for (int c = 0; c < widths.Length; c++)
            {
                var cell = c == 0 ? all[i][c].PadRight(widths[c]) : all[i][c].PadLeft(widths[c]);
                text.Append(' ').Append(cell).Append(" |");
            }
            text.AppendLine();
            if (i == 0)
            {
                text.Append('|');
                for (int c = 0; c < widths.Length; c++) text.Append(c == 0 ? ":" : "-").Append(new string('-', widths[c])).Append(c == 0 ? "-|" : ":|");
                text.AppendLine();
            }
        }
        return text.ToString();
    }
}
