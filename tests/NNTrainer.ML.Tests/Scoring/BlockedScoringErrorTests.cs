using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML.Tests.Trainers;

namespace NNTrainer.ML.Tests.Scoring;

/// <summary>
/// Errors met while a blocked cursor reads rows ahead are raised where they would be raised without blocks: when the
/// cursor reaches the row and its value is read, and not for the rows before it.
/// </summary>
public class BlockedScoringErrorTests
{
    private sealed class IdRow
    {
        public int Id { get; set; }

        /// <summary>Twice the id; reading it fails for row 150, as a column computed by a broken step would.</summary>
        public int Twice => Id == 150 ? throw new InvalidDataException("row 150 is broken") : 2 * Id;

        [VectorType(4)]
        public float[] Features { get; set; } = [];
    }

    [Fact]
    public void APassedThroughColumnThatFailsForOneRowFailsOnlyWhenThatRowIsRead()
    {
        var mlContext = new MLContext(seed: 1);
        var model = NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 2).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(100, seed: 1)));
        var random = new Random(4);
        var rows = Enumerable.Range(0, 400).Select(i => new IdRow { Id = i, Features = [.. Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble())] }).ToArray();
        var input = mlContext.Data.LoadFromEnumerable(rows);
        var scored = model.Transform(input);
        var expected = model.Transform(input).GetColumn<float>("Probability").ToArray();

        using var cursor = scored.GetRowCursor([scored.Schema["Twice"], scored.Schema["Probability"]]);
        var twice = cursor.GetGetter<int>(scored.Schema["Twice"]);
        var probability = cursor.GetGetter<float>(scored.Schema["Probability"]);
        for (int r = 0; r < rows.Length; r++)
        {
            Assert.True(cursor.MoveNext());
            Assert.Equal(r, cursor.Position);
            int value = 0;
            if (r == 150)
            {
                var error = Assert.ThrowsAny<Exception>(() => twice(ref value));
                Assert.Contains("row 150 is broken", error.ToString());
            }
            else
            {
                twice(ref value);
                Assert.Equal(2 * r, value);
            }
            float p = 0;
            probability(ref p);
            Assert.Equal(expected[r], p);
        }
        Assert.False(cursor.MoveNext());
    }

    [Fact]
    public void AnInputThatFailsToMoveFailsAfterTheRowsBeforeItWereServed()
    {
        var mlContext = new MLContext(seed: 1);
        var model = NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 2).Fit(mlContext.Data.LoadFromEnumerable(TestData.Circle(100, seed: 1)));
        var data = mlContext.Data.LoadFromEnumerable(Rows());
        var scored = model.Transform(data);

        using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
        var score = cursor.GetGetter<float>(scored.Schema["Score"]);
        for (int r = 0; r < 90; r++)
        {
            Assert.True(cursor.MoveNext());
            float value = 0;
            score(ref value);
        }
        var error = Assert.Throws<IOException>(() => cursor.MoveNext());
        Assert.Equal("the source ended badly after 90 rows", error.Message);
    }

    /// <summary>90 good rows, then the enumeration throws, as a source that breaks mid-file would.</summary>
    private static IEnumerable<BinaryRow> Rows()
    {
        foreach (var row in TestData.Circle(90, seed: 5)) yield return row;
        throw new IOException("the source ended badly after 90 rows");
    }
}
