using ScottPlot;

namespace NNTrainer.Cli.Plots;

/// <summary>Training and validation loss and accuracy per epoch, side by side.</summary>
internal static class LearningCurvePlot
{
    public static string Save(string path, string title, TrainingHistory history) => Save(path, title, history.Epochs);

    public static string Save(string path, string title, IReadOnlyList<EpochResult> history)
    {
        var epochs = history.Select(e => (double)e.Epoch).ToArray();
        var figure = new Multiplot();
        figure.AddPlots(2);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var (loss, accuracy) = (figure.GetPlot(0), figure.GetPlot(1));
        Panel(loss, $"{title}: loss", "loss", epochs,
            history.Select(e => e.DataLoss).ToArray(), Validation(history, e => e.ValidationLoss), Alignment.UpperRight);
        Panel(accuracy, $"{title}: accuracy", "accuracy", epochs,
            history.Select(e => e.Accuracy).ToArray(), Validation(history, e => e.ValidationAccuracy), Alignment.LowerRight);
        return PlotStyle.Save(figure, path, 1100, 450);
    }

    private static double[]? Validation(IReadOnlyList<EpochResult> history, Func<EpochResult, double?> pick) =>
        history.All(e => pick(e) is not null) && history.Count > 0 ? history.Select(e => pick(e)!.Value).ToArray() : null;

    private static void Panel(Plot plot, string title, string what, double[] epochs, double[] train, double[]? validation, Alignment legend)
    {
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(what);
        var t = plot.Add.ScatterLine(epochs, train, PlotStyle.ClassColor(0));
        t.LegendText = "training";
        t.LineWidth = 2;
        if (validation is not null)
        {
            var v = plot.Add.ScatterLine(epochs, validation, PlotStyle.ClassColor(1));
            v.LegendText = "validation";
            v.LineWidth = 2;
        }
        plot.ShowLegend(legend);
    }
}
