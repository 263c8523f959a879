using ScottPlot;

namespace NNTrainer.Defaults.Bench;

/// <summary>chart.png: per dataset, the mean metric of scikit-learn, NNTrainer (CLI, catalog), the best linear trainer and LightGBM.</summary>
internal static class Chart
{
    private const double Floor = -0.2;

    public static void Save(string path, Dictionary<string, DatasetResult> results, string title)
    {
        (string Name, Func<DatasetResult, double?> Value)[] series =
        [
            (Results.ScikitLearn, r => Mean(r, Results.ScikitLearn)),
            (CliSystem.Name, r => Mean(r, CliSystem.Name)),
            (CatalogSystems.NeuralNetwork, r => Mean(r, CatalogSystems.NeuralNetwork)),
            ("best ML.NET linear", Report.BestLinear),
            ("LightGBM", r => Mean(r, "LightGBM")),
        ];
        var plot = new Plot();
        var names = results.Keys.ToArray();
        var bars = new List<Bar>();
        double width = 1.0 / (series.Length + 1);
        for (int d = 0; d < names.Length; d++)
        {
            for (int s = 0; s < series.Length; s++)
            {
                if (series[s].Value(results[names[d]]) is not { } value) continue;
                bars.Add(new Bar
                {
                    Position = d + (s - (series.Length - 1) / 2.0) * width,
                    Value = Math.Max(value, Floor), // R² far below zero is cut at the floor so the other bars stay readable.
                    ValueBase = Floor,
                    Size = width,
                    FillColor = Palette[s],
                });
            }
        }
        plot.Add.Bars(bars);
        for (int s = 0; s < series.Length; s++) plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = Palette[s] });
        plot.Legend.Alignment = Alignment.LowerLeft;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, names.Length).Select(i => (double)i).ToArray(), names);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.SetLimitsY(Floor, 1.02);
        plot.Title($"{title}: mean held-out accuracy (classification) or R² (regression); below {Floor} cut");
        plot.YLabel("accuracy / R²");
        plot.SavePng(path, Math.Max(900, 90 * names.Length), 560);
    }

    private static readonly Color[] Palette = [Colors.Gray, Colors.DodgerBlue, Colors.Navy, Colors.Orange, Colors.ForestGreen];

    private static double? Mean(DatasetResult r, string system) => r.Systems.TryGetValue(system, out var runs) ? runs.Average(x => x.Metric) : null;
}
