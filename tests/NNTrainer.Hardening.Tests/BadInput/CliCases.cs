using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Hardening.Tests.BadInput;

/// <summary>Bad inputs to the <c>nntrainer</c> tool, run as a process: one line on standard error and a non-zero exit code.</summary>
public sealed class CliCases(string directory)
{
    private const string Surface = "CLI";
    private readonly Lazy<string> _model = new(() => TrainModel(directory));

    /// <summary>The folder the cases write to; messages name it as &lt;dir&gt; in the table.</summary>
    public string Directory => directory;

    public IEnumerable<BadInputCase> All()
    {
        yield return Train("label column missing", Csv(), ["--label", "kind"], "exit 1", "kind", "species");
        yield return Train("a semicolon-separated file with a longer row", WithLongerRow(Csv().Replace(',', ';'), ';'), ["--label", "species"], "exit 1", "species", "split by ';'", "as many fields");
        yield return Train("a file without a header row", Csv()[(Csv().IndexOf('\n') + 1)..], ["--label", "species"], "exit 1", "species", "looks like data", "header row");
        yield return Train("empty data (header only)", "x1,x2,color,species\n", ["--label", "species"], "exit 1", "no data rows");
        yield return Train("a single class", Csv(classes: 1), ["--label", "species"], "exit 1", "species", "single value");
        yield return Train("--epochs 0", Csv(), ["--label", "species", "--epochs", "0"], "exit 2", "--epochs", "at least 1");
        yield return Train("--learning-rate NaN", Csv(), ["--label", "species", "--learning-rate", "NaN"], "exit 2", "--learning-rate", "positive");
        yield return Train("--hidden 16,0", Csv(), ["--label", "species", "--hidden", "16,0"], "exit 2", "--hidden", "positive sizes");
        yield return Train("--batch-size -1", Csv(), ["--label", "species", "--batch-size", "-1"], "exit 2", "--batch-size");
        yield return Train("--dropout 1.5", Csv(), ["--label", "species", "--dropout", "1.5"], "exit 2", "--dropout", "[0, 1)");
        yield return Train("--weight names the label column", Csv(), ["--label", "x1", "--weight", "x1"], "exit 2", "--weight x1", "label column");
        yield return Train("unknown task", Csv(), ["--label", "species", "--task", "ranking"], "exit 2", "--task", "multiclass");
        yield return Train("a column empty in its first 10,000 rows, then a number and many words", LateColumn(), ["--label", "species"], "exit 1", "x1", "was empty in its first 10,000 rows", "--ignore x1");
        yield return Train("a regression label with text in it", Csv().Replace("setosa", "seven"), ["--label", "species", "--task", "regression"], "exit 1", "species", "seven");
        yield return Predict("feature column missing", Csv().Replace("x2,", "other,"), "exit 1", "x2", "a feature the model was trained on");
        yield return Predict("a tab-separated file with a longer row", WithLongerRow(Csv().Replace(',', '\t'), '\t'), "exit 1", "x1", "split by tab", "as many fields");
        yield return Predict("text in a numeric column", CsvWithLine(4, "oops"), "exit 1", "x1", "line 6", "oops");
        yield return Predict("∞ in a numeric column", CsvWithLine(4, "inf"), "exit 1", "x1", "line 6", "inf");
        yield return new(Surface, "evaluate: a label the model never saw", () => Run("evaluate", _model.Value, Write("unknown-label.csv", Csv().Replace("virginica", "orchid"))),
            "exit 1", "label 'orchid'", "not one of the model's classes");
        yield return new(Surface, "predict: a file that is not a model", () => Run("predict", Write("not-a-model.zip", "hello"), Write("p.csv", Csv()), "--out", Path.Combine(directory, "never.csv")),
            "exit 1", "not-a-model.zip", "not a readable zip");
        yield return new(Surface, "predict: a model zip with a damaged entry (wrong CRC-32)", () =>
        {
            var damaged = Path.Combine(directory, "damaged.zip");
            DamagedModel.WithWrongCrc(_model.Value, damaged);
            return Run("predict", damaged, Write("d.csv", Csv()), "--out", Path.Combine(directory, "never.csv"));
        }, "exit 1", "damaged.zip", "entry", "is damaged", "CRC-32");
        yield return new(Surface, "export: a model of a stock trainer", () =>
        {
            var stock = Path.Combine(directory, "stock.zip");
            var train = Run("train", Write("stock.csv", Csv()), "--label", "species", "--trainer", "sdca", "--out", stock, "--no-plots");
            return train.Error != "exit 0" ? train : Run("export", stock, "--onnx", Path.Combine(directory, "stock.onnx"));
        }, "exit 1", "SdcaMaximumEntropy", "only neural-network models");
    }

    private BadInputCase Train(string name, string csv, string[] options, string error, params string[] mentions) =>
        new(Surface, $"train: {name}", () => Run(["train", Write($"train-{Slug(name)}.csv", csv), .. options, "--out", Path.Combine(directory, "never.zip"), "--no-plots"]), error, mentions);

    private BadInputCase Predict(string name, string csv, string error, params string[] mentions) =>
        new(Surface, $"predict: {name}", () => Run("predict", _model.Value, Write($"predict-{Slug(name)}.csv", csv), "--out", Path.Combine(directory, "never.csv")), error, mentions);

    /// <summary>A file name from the case's name, the same in every run (string hash codes are not).</summary>
    private static string Slug(string name) => new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static readonly Regex Crc = new("(CRC-32|records) [0-9A-F]{8}", RegexOptions.CultureInvariant);

    private Outcome Run(params string[] args)
    {
        var result = CliRunner.Run(directory, args);
        var message = string.Join(" ", result.ErrorLines).Replace(directory, "<dir>", StringComparison.Ordinal);
        // Two trainings of the same CSV give zips whose largest entry (ML.NET's stored MapValue table) differs in its
        // bytes although the network in it is bit-identical, so a checksum in a message would change the generated
        // table from run to run.
        message = Crc.Replace(message, "$1 <crc>");
        return new Outcome($"exit {result.ExitCode}", message);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string TrainModel(string directory)
    {
        var csv = Path.Combine(directory, "good.csv");
        File.WriteAllText(csv, Csv());
        var model = Path.Combine(directory, "good.zip");
        var result = CliRunner.Run(directory, "train", csv, "--label", "species", "--out", model, "--epochs", "3", "--no-plots", "--quiet");
        if (result.ExitCode != 0) throw new InvalidOperationException("Training the bad-input matrix's model failed:\n" + result);
        return model;
    }

    /// <summary>x1, x2 (numbers), color (text) and species (up to three classes), 60 rows.</summary>
    private static string Csv(int classes = 3)
    {
        string[] species = ["setosa", "versicolor", "virginica"];
        string[] colors = ["red", "green", "blue"];
        var text = new StringBuilder("x1,x2,color,species\n");
        var random = new Random(1);
        for (int i = 0; i < 60; i++)
        {
            int c = i % classes;
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{c + random.NextDouble():F3},{random.NextDouble():F3},{colors[c]},{species[c]}\n"));
        }
        return text.ToString();
    }

    /// <summary>x1 empty on the first 10,000 rows, then a number, then 200 words.</summary>
    private static string LateColumn()
    {
        var text = new StringBuilder("x1,x2,color,species\n");
        for (int i = 0; i < 10_201; i++) text.Append(i < 10_000 ? "" : i == 10_000 ? "3" : "word").Append($",{i % 7},red,{(i % 2 == 0 ? "setosa" : "virginica")}\n");
        return text.ToString();
    }

    /// <summary>The text with one more field on its line 3, so that the separator does not split every line evenly.</summary>
    private static string WithLongerRow(string text, char separator)
    {
        var lines = text.Split('\n');
        lines[2] += separator + "extra";
        return string.Join('\n', lines);
    }

    /// <summary>The CSV with x1 on data row <paramref name="row"/> (0-based; file line row + 2) replaced by <paramref name="value"/>.</summary>
    private static string CsvWithLine(int row, string value)
    {
        var lines = Csv().Split('\n');
        lines[row + 1] = value + lines[row + 1][lines[row + 1].IndexOf(',')..];
        return string.Join('\n', lines);
    }
}
