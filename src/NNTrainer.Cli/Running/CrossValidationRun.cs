using System.Text.Json.Nodes;

namespace NNTrainer.Cli.Running;

/// <summary><c>nntrainer train --cv K</c>: the report from K folds, then the model fitted on every row and saved.</summary>
internal static class CrossValidationRun
{
    public static int Train(Reporter reporter, MLContext ml, TabularProblem problem, TrainerEntry trainer, NetworkSettings settings, NetworkSettings saved, int folds,
        string description, string outPath, CancellationToken cancellation, string? integerClasses = null)
    {
        reporter.Note(description);
        foreach (var note in problem.Notes) reporter.Note(note);
        if (integerClasses is not null) reporter.Note(integerClasses);
        reporter.Json["command"] = "train";
        var cv = CrossValidation.Run(reporter, ml, problem, trainer, settings, folds, cancellation);
        long rows = problem.Table.RowCount;
        reporter.Table($"Cross-validated metrics: {folds} folds of the {rows:N0} rows, each scored by a fit on the other {folds - 1}; mean and standard deviation over the folds", cv.Table);
        var schema = problem.Schema.WithTrainer(cv.Folds[0].Row.Trainer);
        var final = FinalFit.Run(reporter, ml, problem, trainer, saved, cv.Folds, cancellation);
        reporter.Note($"The saved model was fitted again on all {final.Rows:N0} rows" + (final.Epochs is { } epochs ? $" for {epochs} epochs" : "")
            + $"; the metrics above come from {folds}-fold cross-validation.");
        reporter.Json["measuredOn"] = new JsonObject { ["method"] = "cv", ["folds"] = folds, ["rows"] = rows };
        reporter.Json["crossValidation"] = new JsonObject { ["mean"] = Figures(cv.Mean), ["sd"] = Figures(cv.StandardDeviation) };
        reporter.Json["savedModel"] = final.SavedModelJson();
        ModelFile.Save(outPath, ml, schema, final.Featurizer, final.Model, final.RawSchema);
        reporter.Saved("Model", outPath);
        reporter.Json["model"] = Path.GetFullPath(outPath);
        reporter.Finish();
        return ExitCodes.Success;
    }

    private static JsonObject Figures(Evaluation.MetricSet metrics)
    {
        var json = new JsonObject();
        foreach (var m in metrics.Values) json[m.Name] = double.IsFinite(m.Value) ? m.Value : null;
        return json;
    }
}
