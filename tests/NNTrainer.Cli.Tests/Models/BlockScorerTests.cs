using Microsoft.ML;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Models;

public sealed class BlockScorerTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    /// <summary>The file's rows repeated past several blocks, so block boundaries and the short last block are crossed.</summary>
    private string Repeated(string csv, int copies)
    {
        var lines = File.ReadAllLines(csv);
        var path = Path.Combine(models.Directory, $"repeated-{Path.GetFileName(csv)}");
        File.WriteAllLines(path, lines.Take(1).Concat(Enumerable.Repeat(lines.Skip(1), copies).SelectMany(l => l)));
        return path;
    }

    private static (List<int> Classes, List<float> Scores, bool Fast) ScoreInBlocks(MLContext ml, LoadedModel model, string csv)
    {
        using var reader = new CsvBlockReader(csv, model.Schema, labelRequired: false, keepText: false, skipBadRows: false);
        var scorer = new BlockScorer(ml, model);
        var scored = new ScoredBlock();
        var classes = new List<int>();
        var scores = new List<float>();
        while (reader.ReadBlock() is { } block)
        {
            scorer.Score(block, scored);
            classes.AddRange(scored.Classes.Take(scored.Rows));
            scores.AddRange(scored.Scores.Take(scored.Rows * scored.Width));
        }
        return (classes, scores, scorer.IsFast);
    }

    [Fact]
    public void TheNetworkScoresBlocksThroughItsBatchKernelsWithMlNetsScoresBitForBit()
    {
        var ml = new MLContext(seed: 0);
        var model = ModelFile.Load(models.MulticlassModel, ml);
        var csv = Repeated(models.MulticlassCsv, 150);

        var (classes, scores, fast) = ScoreInBlocks(ml, model, csv);

        Assert.True(fast);
        var table = CsvTable.Load(csv);
        Assert.True(table.RowCount > 2 * CsvBlockReader.BlockRows);
        var expected = ScoredColumns.Read(model.Score(TableDataView.Create(table, model.Schema, labelRequired: false)), TaskKind.Multiclass);
        Assert.Equal(expected.PredictedClasses, classes);
        Assert.Equal(expected.Scores.SelectMany(s => s), scores);
    }

    [Fact]
    public void AStockTrainerIsScoredThroughMlNetInBlocks()
    {
        var ml = new MLContext(seed: 0);
        var model = ModelFile.Load(models.BinaryModel, ml);
        var csv = Repeated(models.BinaryCsv, 40);

        var (classes, scores, fast) = ScoreInBlocks(ml, model, csv);

        Assert.False(fast);
        var expected = ScoredColumns.Read(model.Score(TableDataView.Create(CsvTable.Load(csv), model.Schema, labelRequired: false)), TaskKind.Binary);
        Assert.Equal(expected.PredictedClasses, classes);
        Assert.Equal(expected.Scores.SelectMany(s => s), scores);
    }
}
