using System.Globalization;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

/// <summary>
/// On 1,000–4,999 training rows the held-out choice may take the usual training with ten times its L2 penalty (round 17):
/// <c>train</c> says so in its notes and in <c>--json</c>'s <c>savedModel.strongerPenalty</c>, which a clean table leaves false.
/// The refit on every row keeps the measuring fit's choice (round 18b: <c>savedModel.regimeInherited</c>), with <c>--cv</c>
/// when every fold took it; <c>--stronger-penalty false</c> leaves it out of the choice.
/// </summary>
public sealed class StrongerPenaltyChoiceTests : IDisposable
{
    private const string Inherited = "200 epochs, the usual training with ten times its L2 penalty, as the measuring fit chose on a stratified tenth of its rows.";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_noisy_near_linear_table_is_saved_with_the_stronger_penalty_its_measuring_fit_chose_and_says_so()
    {
        var json = Train(NoisyTable());

        var saved = json["savedModel"]!;
        Assert.True(saved["strongerPenalty"]!.GetValue<bool>(), json.ToJsonString());
        // The usual training's length, taken from the measuring fit rather than chosen again on every row.
        Assert.False(saved["longTraining"]!.GetValue<bool>(), json.ToJsonString());
        Assert.True(saved["regimeInherited"]!.GetValue<bool>(), json.ToJsonString());
        Assert.Equal(200, saved["epochs"]!.GetValue<int>());
        Assert.Contains(Notes(json), n => n.Contains("NeuralNetwork scored here is the usual training with ten times its L2 penalty", StringComparison.Ordinal));
        Assert.Contains(Notes(json), n => n.EndsWith(Inherited, StringComparison.Ordinal));
    }

    [Fact]
    public void With_cv_the_refit_keeps_the_stronger_penalty_every_fold_chose()
    {
        var json = Train(NoisyTable(), "--cv", "3");

        var saved = json["savedModel"]!;
        Assert.Equal(3, Notes(json).Count(n => n.Contains("scored here is the usual training with ten times its L2 penalty", StringComparison.Ordinal)));
        Assert.True(saved["strongerPenalty"]!.GetValue<bool>(), json.ToJsonString());
        Assert.True(saved["regimeInherited"]!.GetValue<bool>(), json.ToJsonString());
        Assert.Contains(Notes(json), n => n.EndsWith(Inherited, StringComparison.Ordinal));
    }

    [Fact]
    public void The_switch_false_leaves_the_stronger_penalty_out_of_the_choice()
    {
        var json = Train(NoisyTable(), "--stronger-penalty", "false");

        var saved = json["savedModel"]!;
        Assert.False(saved["strongerPenalty"]!.GetValue<bool>(), json.ToJsonString());
        Assert.NotNull(saved["longTraining"]);
        Assert.True(saved["regimeInherited"]!.GetValue<bool>(), json.ToJsonString());
        Assert.DoesNotContain(Notes(json), n => n.Contains("ten times its L2 penalty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_table_keeps_its_usual_or_long_training_and_reports_no_stronger_penalty()
    {
        var json = Train(_dir.Write("multi.csv", TestCsv.Multiclass(rows: 1_500)));

        Assert.False(json["savedModel"]!["strongerPenalty"]!.GetValue<bool>(), json.ToJsonString());
        Assert.NotNull(json["savedModel"]!["longTraining"]);
    }

    [Fact]
    public void A_given_long_training_is_not_reported_as_inherited()
    {
        var json = Train(NoisyTable(), "--long-training", "false");

        Assert.False(json["savedModel"]!["longTraining"]!.GetValue<bool>(), json.ToJsonString());
        Assert.False(json["savedModel"]!["strongerPenalty"]!.GetValue<bool>(), json.ToJsonString());
        Assert.False(json["savedModel"]!["regimeInherited"]!.GetValue<bool>(), json.ToJsonString());
    }

    /// <summary>
    /// Two of 30 inputs decide the label through heavy noise: ten times the penalty fits it clearly better (z above 5 on
    /// 1,500 rows through the catalog, StrongerPenaltyTests).
    /// </summary>
    private string NoisyTable()
    {
        var random = new Random(7);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var text = new System.Text.StringBuilder(string.Join(',', Enumerable.Range(0, 30).Select(i => $"x{i}")) + ",y\n");
        for (int r = 0; r < 1_500; r++)
        {
            var x = Enumerable.Range(0, 30).Select(_ => Normal()).ToArray();
            text.Append(string.Join(',', x.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))).Append(x[0] + x[1] + 2 * Normal() > 0 ? ",yes\n" : ",no\n");
        }
        return _dir.Write("noisy.csv", text.ToString());
    }

    private static List<string> Notes(System.Text.Json.Nodes.JsonNode json) => json["notes"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private System.Text.Json.Nodes.JsonNode Train(string csv, params string[] extra)
    {
        var label = Path.GetFileName(csv) == "multi.csv" ? "species" : "y";
        var result = CliRunner.Run(_dir.Path, ["train", csv, "--label", label, "--out", _dir.File("model.zip"), "--no-plots", "--json", "--threads", "1", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return System.Text.Json.Nodes.JsonNode.Parse(result.Output)!;
    }
}
