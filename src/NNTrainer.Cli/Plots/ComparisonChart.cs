using ScottPlot;

namespace NNTrainer.Cli.Plots;

/// <summary>One bar per trainer: the main metric on the left, the training time on the right.</summary>
internal static class ComparisonChart
{
    public static string Save(string path, string title, IReadOnlyList<ResultRow> rows)
    {
        var names = rows.Select(r => r.Trainer).ToArray();
        var metricName = rows[0].Metrics.Main.Name;
        var figure = new Multiplot();
        figure.AddPlots(2);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Panel(figure.GetPlot(0), $"{title}: {metricName} (held-out)", metricName, names, rows.Select(r => r.Metrics.Main.Value).ToArray());
        Panel(figure.GetPlot(1), "training time", "seconds", names, rows.Select(r => r.TrainSeconds).ToArray());
        return PlotStyle.Save(figure, path, 1100, 120 + 60 * rows.Count);
    }

    private static void Panel(Plot plot, string title, string axis, string[] names, double[] values)
    {
        plot.Title(title);
        var bars = new List<Bar>();
        for (int i = 0; i < values.Length; i++)
        {
            // Rows read top-down in table order.
            double position = values.Length - 1 - i;
            double value = double.IsFinite(values[i]) ? values[i] : 0;
            bars.Add(new Bar
            {
                Position = position,
                Value = value,
                FillColor = PlotStyle.ClassColor(i),
                Label = double.IsFinite(values[i]) ? values[i].ToString(values[i] >= 100 ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture) : "n/a",
            });
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 14;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, names.Length).Select(i => (double)(names.Length - 1 - i)).ToArray(), names);
        plot.XLabel(axis);
        plot.Axes.Margins(left: 0, right: 0.2);
    }
}
