using System.Text.Json;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Running;

/// <summary><c>--select-model</c>: the saved fit of a small classification table chooses between the network and a linear model, and says so.</summary>
public sealed class SelectModelTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void JsonReportsTheChoiceAndBothCandidatesFoldScores()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 150));

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("model.zip"), "--no-plots", "--json", "--select-model", "true");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var selection = json.RootElement.GetProperty("modelSelection");
        Assert.Equal(10, selection.GetProperty("folds").GetInt32());
        Assert.Equal(150, selection.GetProperty("rows").GetInt32());
        var scores = selection.GetProperty("scores").EnumerateArray().ToArray();
        Assert.Equal(["configured", "uncentredlinear"], scores.Select(s => s.GetProperty("candidate").GetString()));
        double configured = scores[0].GetProperty("heldOutAccuracy").GetDouble(), linear = scores[1].GetProperty("heldOutAccuracy").GetDouble();
        Assert.InRange(configured, 0.5, 1);
        // More held-out rows right wins; a tie goes to the lower held-out loss.
        string expected = linear > configured || (linear == configured && scores[1].GetProperty("heldOutLoss").GetDouble() < scores[0].GetProperty("heldOutLoss").GetDouble())
            ? "uncentredlinear" : "configured";
        Assert.Equal(expected, selection.GetProperty("chosen").GetString());
    }

    [Fact]
    public void OffByDefaultAndSaidInTheNotesWhenOn()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass(rows: 150));

        var plain = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("a.zip"), "--no-plots", "--json");
        var chosen = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("b.zip"), "--no-plots", "--select-model", "true");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        using var json = JsonDocument.Parse(plain.Output);
        Assert.False(json.RootElement.TryGetProperty("modelSelection", out _));
        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        Assert.Contains("chosen by 10-fold cross-validation on 150 rows", chosen.Output);
        Assert.Contains("(--select-model)", chosen.Output);
    }
}
