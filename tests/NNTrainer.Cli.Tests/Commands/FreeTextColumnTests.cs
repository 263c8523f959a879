using System.Globalization;
using System.Text;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// A column of free text (reviews) is featurised as words and letter trigrams and learned from: train, evaluate,
/// predict and compare read it, a missing text is an empty one, and ONNX export refuses with ML.NET's reason.
/// </summary>
public sealed class FreeTextColumnTests : IDisposable
{
    private static readonly string[] Good = ["great", "excellent", "love", "perfect", "recommend", "sturdy"];
    private static readonly string[] Bad = ["terrible", "broken", "refund", "useless", "awful", "flimsy"];
    private static readonly string[] Filler = ["the", "lamp", "arrived", "after", "three", "days", "and", "it", "is", "for", "my", "desk", "with", "a", "box"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Columns review (a few words of filler and one or two telling words; about 3 % empty), id, sentiment.</summary>
    private static string Reviews(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("review,id,sentiment\n");
        for (int i = 0; i < rows; i++)
        {
            bool good = random.Next(2) == 0;
            var words = Enumerable.Range(0, 5 + random.Next(8)).Select(_ => Filler[random.Next(Filler.Length)]).ToList();
            for (int k = 0; k < 1 + random.Next(2); k++) words.Insert(random.Next(words.Count), (good ? Good : Bad)[random.Next(Good.Length)]);
            string review = random.NextDouble() < 0.03 ? "" : string.Join(' ', words);
            text.Append(CultureInfo.InvariantCulture, $"\"{review}\",R{i:00000}-{random.Next(1000)},{(good ? "pos" : "neg")}\n");
        }
        return text.ToString();
    }

    [Fact]
    public void A_review_column_is_learned_from_and_read_again_by_evaluate_and_predict()
    {
        var train = _dir.Write("reviews.csv", Reviews(400, 1));
        var test = _dir.Write("reviews-test.csv", Reviews(200, 2));
        var model = _dir.File("reviews.zip");

        var trained = CliRunner.Run(_dir.Path, "train", train, "--label", "sentiment", "--out", model, "--epochs", "20", "--no-plots");
        var evaluated = CliRunner.Run(_dir.Path, "evaluate", model, test, "--json");
        var predicted = CliRunner.Run(_dir.Path, "predict", model, test, "--out", _dir.File("out.csv"));

        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.Contains("features: review (text)", trained.Output);
        Assert.Matches(@"Column 'review' holds free text \([\d,]+ distinct values, [\d.]+ words on average\)", trained.Output);
        Assert.Contains("Column 'id' has a different text in every row (an identifier?) and was ignored.", trained.Output);
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        var accuracy = System.Text.Json.JsonDocument.Parse(evaluated.Output).RootElement.GetProperty("results")[0].GetProperty("metrics").GetProperty("Accuracy").GetDouble();
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy} on 200 new reviews\n{evaluated}");
        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        Assert.Contains("read as empty texts", predicted.Output);
        Assert.Equal(201, File.ReadAllLines(_dir.File("out.csv")).Length);
    }

    [Fact]
    public void Compare_trains_every_trainer_on_the_text_and_export_names_the_step_onnx_cannot_take()
    {
        var train = _dir.Write("reviews.csv", Reviews(300, 3));
        var model = _dir.File("reviews.zip");

        var compared = CliRunner.Run(_dir.Path, "compare", "--csv", train, "--label", "sentiment", "--trainers", "nn,sdca", "--epochs", "10", "--no-plots");
        var trained = CliRunner.Run(_dir.Path, "train", train, "--label", "sentiment", "--out", model, "--epochs", "5", "--no-plots");
        var exported = CliRunner.Run(_dir.Path, "export", model, "--onnx", _dir.File("reviews.onnx"));

        Assert.True(compared.ExitCode == 0, compared.ToString());
        Assert.Contains("SdcaLogisticRegression", compared.Output);
        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.NotEqual(0, exported.ExitCode);
        Assert.Contains("TextFeaturizingEstimator", exported.Error);
        Assert.False(File.Exists(_dir.File("reviews.onnx")));
    }

    [Fact]
    public void Streaming_names_the_text_column_it_cannot_write_block_by_block()
    {
        var train = _dir.Write("reviews.csv", Reviews(100, 4));

        var result = CliRunner.Run(_dir.Path, "train", train, "--label", "sentiment", "--out", _dir.File("s.zip"), "--streaming", "--no-plots");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("column 'review' is free text, whose word features --streaming cannot write block by block", result.Error);
        Assert.False(File.Exists(_dir.File("s.zip")));
    }
}
