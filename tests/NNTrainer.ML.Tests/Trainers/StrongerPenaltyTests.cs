using System.Globalization;
using Microsoft.ML;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>
/// The stronger penalty of the long-training choice on 1,000–4,999 rows (rounds 16c and 17): the usual training with 10
/// times its L2 penalty, trained after the other two candidates and taken only when its per-row held-out losses are
/// lower than the other choice's by more than two standard errors.
/// </summary>
public sealed class StrongerPenaltyTests
{
    private static readonly LongTraining.Regime Usual = new(54, 0.001f);

    [Fact]
    public void ItIsACandidateOnlyFromOneThousandToBelowFiveThousandRowsWithAPenaltyAndTheOptionOn()
    {
        var options = new NeuralNetworkBinaryTrainer.Options();
        Assert.True(options.StrongerPenaltyInBand);
        Assert.Equal(new LongTraining.Regime(54, 0.001f * NeuralNetworkDefaults.StrongerPenaltyFactor), LongTraining.Stronger(options, 1_000, Usual));
        Assert.NotNull(LongTraining.Stronger(options, 4_999, Usual));
        Assert.Null(LongTraining.Stronger(options, 999, Usual));
        Assert.Null(LongTraining.Stronger(options, 5_000, Usual));
        Assert.Null(LongTraining.Stronger(options, 2_000, Usual with { L2 = 0 })); // ten times nothing is the usual training
        Assert.Null(LongTraining.Stronger(new NeuralNetworkBinaryTrainer.Options { StrongerPenaltyInBand = false }, 2_000, Usual));
    }

    [Fact]
    public void ANoisyNearLinearTableClearsTheBarAndTrainsWithTheStrongerPenalty()
    {
        var rows = NoisyLine(1_500, seed: 7);
        var (on, log) = Fit(rows, strongerInBand: true);
        var off = Fit(rows, strongerInBand: false).Model;
        // The report gives the margin in standard errors; past 2 the stronger penalty trains the model, which then reports
        // no long-training choice but StrongerPenalty (nntrainer's refit on every row takes it as given, round 18b).
        Assert.True(Z(log) > NeuralNetworkDefaults.StrongerPenaltyMargin, log);
        Assert.Null(on.LongTraining);
        Assert.True(on.StrongerPenalty);
        Assert.NotNull(off.LongTraining);
        Assert.False(off.StrongerPenalty);
        Assert.NotEqual(WeightsOf(off), WeightsOf(on));
        Assert.Equal(WeightsOf(on), WeightsOf(Fit(rows, strongerInBand: true).Model));
    }

    [Fact]
    public void WhenTheStrongerPenaltyDoesNotClearTheBarTheModelIsTheOneWithoutItBitForBit()
    {
        // A clean circle: ten times the penalty does not fit its boundary better.
        var rows = TestData.Circle(1_200, seed: 4);
        var (on, log) = Fit(rows, strongerInBand: true);
        var off = Fit(rows, strongerInBand: false).Model;
        Assert.True(Z(log) <= NeuralNetworkDefaults.StrongerPenaltyMargin, log);
        Assert.Equal(off.LongTraining, on.LongTraining);
        Assert.False(on.StrongerPenalty);
        Assert.Equal(WeightsOf(off), WeightsOf(on));
    }

    [Fact]
    public void GivenWithoutAChoiceItTrainsTheChosenModelBitForBitAndNoCandidates()
    {
        var rows = NoisyLine(1_500, seed: 7);
        var chosen = Fit(rows, strongerInBand: true).Model;
        var (given, log) = Fit(rows, strongerInBand: true, o => (o.LongTrainingOnLargeData, o.TakeStrongerPenalty) = (false, true));
        var (ignored, choiceLog) = Fit(rows, strongerInBand: true, o => o.TakeStrongerPenalty = true);

        // The same network as the choice's, trained once: no candidate on a held-out tenth.
        Assert.True(chosen.StrongerPenalty);
        Assert.True(given.StrongerPenalty);
        Assert.Null(given.LongTraining);
        Assert.Equal(WeightsOf(chosen), WeightsOf(given));
        Assert.Empty(log);
        // Only with LongTrainingOnLargeData false: left null, the choice is made as before.
        Assert.Contains("stratified tenth", choiceLog, StringComparison.Ordinal);
        Assert.Equal(WeightsOf(chosen), WeightsOf(ignored));
    }

    [Fact]
    public void GivenItAppliesWhereAChoiceWouldBeMeasuredAtAnyRowsFromOneThousand()
    {
        LongTraining.Regime? Given(long rows, Action<NeuralNetworkBinaryTrainer.Options>? set = null)
        {
            var options = new NeuralNetworkBinaryTrainer.Options { LongTrainingOnLargeData = false, TakeStrongerPenalty = true };
            set?.Invoke(options);
            return LongTraining.GivenStronger(options, rows, Usual);
        }
        var stronger = new LongTraining.Regime(54, 0.001f * NeuralNetworkDefaults.StrongerPenaltyFactor);
        Assert.Equal(stronger, Given(1_000));
        // A refit on every row may have more rows than the measuring fit's 4,999.
        Assert.Equal(stronger, Given(6_000));
        Assert.Null(Given(999));
        Assert.Null(Given(2_000, o => o.NumberOfEpochs = 54));
        Assert.Null(Given(2_000, o => o.EarlyStoppingPatience = 3));
        Assert.Null(Given(2_000, o => o.LongTrainingOnLargeData = null));
        Assert.Null(Given(2_000, o => o.LongTrainingOnLargeData = true));
        Assert.Null(Given(2_000, o => o.TakeStrongerPenalty = false));
        Assert.Null(LongTraining.GivenStronger(new NeuralNetworkBinaryTrainer.Options { LongTrainingOnLargeData = false, TakeStrongerPenalty = true }, 2_000, Usual with { L2 = 0 }));
    }

    /// <summary>A label that the first two of 30 inputs decide through noise; the other 28 inputs are noise to overfit.</summary>
    private static List<WideRow> NoisyLine(int count, int seed)
    {
        var random = new Random(seed);
        float Normal() => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return Enumerable.Range(0, count).Select(_ =>
        {
            var x = Enumerable.Range(0, 30).Select(_ => Normal()).ToArray();
            return new WideRow { Features = x, Label = x[0] + x[1] + 2 * Normal() > 0 };
        }).ToList();
    }

    /// <summary>The margin in standard errors the choice's report gives (−∞ when it gave none).</summary>
    private static double Z(string log)
    {
        int at = log.IndexOf(" z ", StringComparison.Ordinal);
        return at < 0 ? double.NegativeInfinity : double.Parse(log[(at + 3)..].Split(';')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>A binary row of 30 features.</summary>
    public sealed class WideRow
    {
        /// <summary>The class.</summary>
        public bool Label { get; set; }

        /// <summary>The inputs.</summary>
        [Microsoft.ML.Data.VectorType(30)]
        public float[] Features { get; set; } = [];
    }

    private static float[] WeightsOf(NeuralNetworkBinaryTransformer model) =>
        model.Network.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.ToArray().Concat(d.Biases.Values.ToArray())).ToArray();

    private static (NeuralNetworkBinaryTransformer Model, string Log) Fit<TRow>(List<TRow> rows, bool strongerInBand, Action<NeuralNetworkBinaryTrainer.Options>? set = null) where TRow : class
    {
        var mlContext = new MLContext(seed: 1);
        var log = new System.Text.StringBuilder();
        mlContext.Log += (_, e) => { if (e.Message.Contains("stratified tenth", StringComparison.Ordinal)) log.AppendLine(e.Message); };
        var options = new NeuralNetworkBinaryTrainer.Options { NumberOfThreads = 1, Seed = 3, StrongerPenaltyInBand = strongerInBand };
        set?.Invoke(options);
        var model = mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(rows));
        return (model, log.ToString());
    }
}
