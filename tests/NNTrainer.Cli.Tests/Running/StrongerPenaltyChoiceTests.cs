using System.Globalization;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

/// <summary>
/// On 1,000–4,999 training rows the held-out choice may take the usual training with ten times its L2 penalty (round 17):
/// <c>train</c> says so in its notes and in <c>--json</c>'s <c>savedModel.strongerPenalty</c>, which a clean table leaves false.
/// </summary>
public sealed class StrongerPenaltyChoiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_noisy_near_linear_table_is_saved_with_the_stronger_penalty_and_says_so()
    {
        // Two of 30 inputs decide the label through heavy noise: ten times the penalty fits it clearly better (z above 5
        // on 1,500 rows through the catalog, StrongerPenaltyTests).
        var random = new Random(7);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var text = new System.Text.StringBuilder(string.Join(',', Enumerable.Range(0, 30).Select(i => $"x{i}")) + ",y\n");
        for (int r = 0; r < 1_500; r++)
        {
            var x = Enumerable.Range(0, 30).Select(_ => Normal()).ToArray();
            text.Append(string.Join(',', x.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))).Append(x[0] + x[1] + 2 * Normal() > 0 ? ",yes\n" : ",no\n");
        }
        var json = Train(_dir.Write("noisy.csv", text.ToString()));

        Assert.True(json["savedModel"]!["strongerPenalty"]!.GetValue<bool>(), json.ToJsonString());
        Assert.Null(json["savedModel"]!["longTraining"]);
        Assert.Contains(json["notes"]!.AsArray(), n => n!.GetValue<string>().Contains("the usual training with ten times its L2 penalty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_table_keeps_its_usual_or_long_training_and_reports_no_stronger_penalty()
    {
        var json = Train(_dir.Write("multi.csv", TestCsv.Multiclass(rows: 1_500)));

        Assert.False(json["savedModel"]!["strongerPenalty"]!.GetValue<bool>(), json.ToJsonString());
        Assert.NotNull(json["savedModel"]!["longTraining"]);
    }

    private System.Text.Json.Nodes.JsonNode Train(string csv)
    {
        var label = Path.GetFileName(csv) == "multi.csv" ? "species" : "y";
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", label, "--out", _dir.File("model.zip"), "--no-plots", "--json", "--threads", "1");
        Assert.True(result.ExitCode == 0, result.ToString());
        return System.Text.Json.Nodes.JsonNode.Parse(result.Output)!;
    }
}
