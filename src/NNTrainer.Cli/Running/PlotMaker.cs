using NNTrainer.Cli.Plots;

namespace NNTrainer.Cli.Running;

/// <summary>Draws the plots a run calls for into the --plots folder and reports their paths.</summary>
internal static class PlotMaker
{
    public static void LearningCurves(Reporter reporter, string directory, IEnumerable<TrainerOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Model.History is not { Epochs.Count: > 0 } history) continue;
            var path = Path.Combine(directory, $"learning-curves-{FileName(outcome.Row.Trainer)}.png");
            reporter.Saved($"Plot, learning curves of {outcome.Row.Trainer}", LearningCurvePlot.Save(path, outcome.Row.Trainer, history));
        }
    }

    public static void Comparison(Reporter reporter, string directory, string title, IReadOnlyList<ResultRow> rows)
    {
        if (rows.Count == 0) return;
        var path = Path.Combine(directory, "comparison.png");
        reporter.Saved("Plot, comparison", ComparisonChart.Save(path, title, rows));
    }

    /// <summary>Decision regions, when the data is classification over exactly two numeric features.</summary>
    public static void DecisionRegions(Reporter reporter, MLContext ml, string directory, PreparedData data, IReadOnlyList<TrainerOutcome> outcomes)
    {
        var schema = data.Schema;
        if (!CanDrawRegions(schema) || data.TestTable is null || data.Featurizer is null || outcomes.Count == 0) return;
        var (xName, yName) = (schema.Features[0].Name, schema.Features[1].Name);
        var test = data.TestTable;
        var xs = test.Require(xName, "feature").Numbers!;
        var ys = test.Require(yName, "feature").Numbers!;
        var label = test.Require(schema.LabelColumn, "label");
        var keep = Enumerable.Range(0, test.RowCount).Where(r => float.IsFinite(xs[r]) && float.IsFinite(ys[r])).ToArray();
        var classes = keep.Select(r => Array.IndexOf(schema.Classes, label.TextAt(r))).ToArray();
        var panels = outcomes.Select(o => (o.Row.Trainer, (Func<float[], float[], int[]>)((gx, gy) =>
        {
            var grid = new CsvTable("(grid)", [TableColumn.Numeric(xName, gx), TableColumn.Numeric(yName, gy)], Enumerable.Range(1, gx.Length).ToArray());
            var scored = o.Model.Score(data.Featurizer.Transform(TableDataView.Create(grid, schema, labelRequired: false)));
            return ScoredColumns.Read(scored, schema.Task).PredictedClasses;
        }))).ToList();
        var path = Path.Combine(directory, "decision-regions.png");
        reporter.Saved("Plot, decision regions",
            DecisionRegionPlot.Save(path, panels, keep.Select(r => xs[r]).ToArray(), keep.Select(r => ys[r]).ToArray(), classes, schema.Classes, xName, yName));
    }

    public static bool CanDrawRegions(ModelSchema schema) =>
        schema.IsClassification && schema.Features.Length == 2 && schema.Features.All(f => f.Kind == ColumnKind.Numeric);

    private static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
}
