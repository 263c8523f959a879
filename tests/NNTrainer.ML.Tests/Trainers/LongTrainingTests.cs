using Microsoft.ML;

namespace NNTrainer.ML.Tests.Trainers;

/// <summary>
/// The long training of a large table (round 13): from 1,000 rows on (round 16; 5,000 before), the work budget's epochs with the penalty by rows
/// per parameter, chosen over the usual training when a stratified tenth of the rows held out scores it better.
/// </summary>
public sealed class LongTrainingTests
{
    private static readonly LongTraining.Regime Usual = new(54, 0.001f), Longer = new(200, 0.0001f);

    [Fact]
    public void TheChoiceIsMadeOnlyForANewAutomaticTrainingOfOneThousandRowsOrMore()
    {
        var options = new NeuralNetworkBinaryTrainer.Options();
        Assert.True(LongTraining.Applies(options, 1_000, Usual, Longer));
        Assert.True(LongTraining.Applies(options, 4_999, Usual, Longer));
        Assert.False(LongTraining.Applies(options, 999, Usual, Longer));
        Assert.False(LongTraining.Applies(options, 50_000, Usual, Usual));
        Assert.False(LongTraining.Applies(new NeuralNetworkBinaryTrainer.Options { NumberOfEpochs = 54 }, 50_000, Usual, Longer));
        Assert.False(LongTraining.Applies(new NeuralNetworkBinaryTrainer.Options { LearningRateSchedule = new NNTrainer.Optimizers.Schedules.CosineSchedule() }, 50_000, Usual, Longer));
        Assert.False(LongTraining.Applies(new NeuralNetworkBinaryTrainer.Options { ValidationSetFraction = 0.1f }, 50_000, Usual, Longer));
        Assert.False(LongTraining.Applies(new NeuralNetworkBinaryTrainer.Options { EarlyStoppingPatience = 5 }, 50_000, Usual, Longer));
        Assert.False(LongTraining.Applies(new NeuralNetworkBinaryTrainer.Options { ChooseEpochsOnHoldOut = true }, 50_000, Usual, Longer));
        Assert.False(LongTraining.Applies(new NeuralNetworkBinaryTrainer.Options { LongTrainingOnLargeData = false }, 50_000, Usual, Longer));
    }

    [Fact]
    public void TheLongTrainingsEpochsAndPenaltyFollowTheBudgetAndTheRowsPerParameter()
    {
        var options = new NeuralNetworkBinaryTrainer.Options();
        // 6,000 rows of 4 inputs, 100 hidden, 1 output: 601 parameters, 10 rows each.
        Assert.Equal(new LongTraining.Regime(200, NeuralNetworkDefaults.LargeDataL2For(0.001f, 6_000, 601)), options.LongTrainingRegime(6_000, 4, 601));
        Assert.Equal(0.0001f, options.LongTrainingRegime(6_000, 4, 601).L2, 1e-9f);
        Assert.Equal(0.001f, new NeuralNetworkBinaryTrainer.Options { ScaleL2ForLargeData = false }.LongTrainingRegime(6_000, 4, 601).L2);
        Assert.Equal(54, new NeuralNetworkBinaryTrainer.Options { EpochWorkBudget = 0 }.LongTrainingRegime(6_000, 4, 601).Epochs);
    }

    [Fact]
    public void ACleanBoundaryTrainsTheLongWayAndPureNoiseTheUsualWay()
    {
        // A circle in two of four inputs: more passes keep lowering the held-out loss.
        Assert.Equal(200, Epochs(TestData.Circle(6_000, seed: 4), null));
        // Labels that no input predicts, 100 neurons: the long training fits the noise of the nine tenths.
        var random = new Random(5);
        var noise = Enumerable.Range(0, 6_000).Select(_ => new BinaryRow
        {
            Label = random.NextDouble() < 0.5,
            Features = [(float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble()],
        }).ToList();
        Assert.Equal(NeuralNetworkDefaults.Epochs(6_000, 32), Epochs(noise, null, hidden: 100));
    }

    [Fact]
    public void TheTransformerSaysWhichTrainingWasChosen()
    {
        Assert.True(Fit(TestData.Circle(6_000, seed: 4), null, 8).LongTraining);
        Assert.NotNull(Fit(TestData.Circle(1_000, seed: 4), null, 8).LongTraining); // 200 epochs either way, the penalty differs
        Assert.Null(Fit(TestData.Circle(999, seed: 4), null, 8).LongTraining); // no choice below 1,000 rows
        Assert.Null(Fit(TestData.Circle(6_000, seed: 4), false, 8).LongTraining);
    }

    [Fact]
    public void ForcedEitherWayItTrainsThatWayAndTheSameSeedGivesTheSameModel()
    {
        var rows = TestData.Circle(6_000, seed: 6);
        Assert.Equal(200, Epochs(rows, true));
        Assert.Equal(NeuralNetworkDefaults.Epochs(6_000, 32), Epochs(rows, false));
        Assert.Equal(Weights(rows), Weights(rows));
    }

    [Fact]
    public void AMeasuringFitKeepsTheChosenCandidateAsItTrainedOnNineTenthsOfTheRows()
    {
        var rows = TestData.Circle(6_000, seed: 4);
        var full = Fit(rows, null, 8);
        var kept = Fit(rows, null, 8, keepCandidate: true);
        // The same choice, and the candidate trained that choice's epochs on the nine stratified tenths (about 5,400 rows).
        Assert.True(kept.LongTraining);
        Assert.Equal(full.LongTraining, kept.LongTraining);
        Assert.Equal(200, kept.History.Epochs.Count);
        Assert.InRange(kept.ChoiceCandidateRows!.Value, 5_390, 5_410);
        Assert.Null(full.ChoiceCandidateRows);
        // Not trained again on every row: other weights than the saved fit's, and reproducible from the seed.
        Assert.NotEqual(WeightsOf(full), WeightsOf(kept));
        Assert.Equal(WeightsOf(kept), WeightsOf(Fit(rows, null, 8, keepCandidate: true)));
        // A fit that asked for the candidate leaves the next fit's model as it was.
        Assert.Equal(WeightsOf(full), WeightsOf(Fit(rows, null, 8)));
    }

    [Fact]
    public void WithoutAMeasuredChoiceThereIsNoCandidateToKeep()
    {
        var rows = TestData.Circle(6_000, seed: 4);
        Assert.Null(Fit(rows, true, 8, keepCandidate: true).ChoiceCandidateRows); // forced long: unmeasured
        Assert.Equal(WeightsOf(Fit(rows, true, 8)), WeightsOf(Fit(rows, true, 8, keepCandidate: true)));
        Assert.Null(Fit(TestData.Circle(999, seed: 4), null, 8, keepCandidate: true).ChoiceCandidateRows);
    }

    private static int Epochs(List<BinaryRow> rows, bool? forced, int hidden = 8) => Fit(rows, forced, hidden).History.Epochs.Count;

    private static float[] Weights(List<BinaryRow> rows) => WeightsOf(Fit(rows, null, 8));

    private static float[] WeightsOf(NeuralNetworkBinaryTransformer model) =>
        model.Network.Layers.OfType<DenseLayer>().SelectMany(d => d.Weights.Values.ToArray().Concat(d.Biases.Values.ToArray())).ToArray();

    private static NeuralNetworkBinaryTransformer Fit(List<BinaryRow> rows, bool? forced, int hidden = 8, bool keepCandidate = false)
    {
        var mlContext = new MLContext(seed: 1);
        var options = new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [hidden], NumberOfThreads = 1, Seed = 3, LongTrainingOnLargeData = forced, KeepChoiceCandidate = keepCandidate };
        return mlContext.BinaryClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Data.LoadFromEnumerable(rows));
    }
}
