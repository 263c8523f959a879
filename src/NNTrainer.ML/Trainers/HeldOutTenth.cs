namespace NNTrainer.ML;

/// <summary>
/// A training set split once into nine stratified tenths to train on and the tenth left out to score on, for the
/// choices that train several candidates on the same rows (<see cref="EpochSelection"/>, <see cref="LongTraining"/>):
/// the rows are gathered once, not once per candidate.
/// </summary>
/// <param name="Rest">The nine tenths: inputs, targets and example weights (null without them).</param>
/// <param name="Held">The tenth held out: inputs and targets.</param>
internal sealed record HeldOutTenth((Matrix Inputs, Matrix Targets, float[]? Weights) Rest, (Matrix Inputs, Matrix Targets) Held)
{
    /// <summary>Splits <paramref name="train"/> by <paramref name="seed"/>'s stratified fold assignment (fold 0 held out).</summary>
    public static HeldOutTenth Of(TrainingSet train, int seed)
    {
        var folds = L2Selection.Assign(train.Targets, NeuralNetworkDefaults.HoldOutFolds, seed);
        var (trainRows, testRows) = L2Selection.Split(folds, 0);
        return new(
            (train.Inputs.SelectRows(trainRows), train.Targets.SelectRows(trainRows), train.Weights is null ? null : L2Selection.Gather(train.Weights, trainRows)),
            (train.Inputs.SelectRows(testRows), train.Targets.SelectRows(testRows)));
    }
}
