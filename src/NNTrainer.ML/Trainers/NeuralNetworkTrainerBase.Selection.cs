using Microsoft.ML.Runtime;

namespace NNTrainer.ML;

public abstract partial class NeuralNetworkTrainerBase<TTransformer, TOptions>
{
    /// <summary>The long-training choice of the fit under way (<see cref="LongTraining"/>; null: none made), for its transformer.</summary>
    private bool? _longTraining;

    /// <summary>Whether that choice took the usual training with the stronger penalty (round 17), for its transformer.</summary>
    private bool _strongerPenalty;

    /// <summary>
    /// The long-training choice's candidate a measuring fit keeps (<see cref="NeuralNetworkOptionsBase.KeepChoiceCandidate"/>):
    /// already trained, on <see cref="_choiceCandidateRows"/> rows; null when the fit trains its network itself.
    /// </summary>
    private Network? _choiceCandidate;

    private long _choiceCandidateRows;

    /// <summary>
    /// What a training set decides on held-out rows before the real fit: a small regression's L2 penalty
    /// (<see cref="L2Selection"/>), a small classifier's model, the configured network or a linear one (<see cref="ModelSelection"/>),
    /// or a large set's epochs and penalty (<see cref="EpochSelection"/>). Returns the network, optimizer, epochs and batch
    /// size to train with (the given ones when none applies) and the model choice; when the uncentred linear model is
    /// chosen, <paramref name="train"/> and <paramref name="scaling"/> become its inputs and the map that reads raw features into them.
    /// </summary>
    private (Network Network, Optimizer Optimizer, int Epochs, int BatchSize, NeuralNetworkModelSelection? Selection) ChooseOnSmallData(Network network, Optimizer optimizer, int epochs,
        ref TrainingSet train, ref FeatureScaling? scaling, int featureCount, int outputs, int seed, int threads, IChannel channel)
    {
        var options = TrainerOptions;
        long rows = train.Inputs.Rows;
        // Round 11c's screen: the same network (same seed, same weights) with the penalty of the rows per one-hot column.
        if (options.SmallDataL2CountsTwoValued && options.SmallDataL2FeaturesFree > 0)
            network = NetworkFactory.Create(options, featureCount, outputs, CreateOutputActivation(), seed, threads, rows, options.EffectiveL2Regularization(rows, IndicatorColumns.Count(train.Inputs)));
        if (L2Selection.Applies(options, rows, CreateLoss()))
        {
            float l2 = L2Selection.Choose(options, train, seed, (penalty, n) => NetworkFactory.Create(options, featureCount, outputs, CreateOutputActivation(), seed, threads, n, penalty), CreateLoss, threads);
            channel.Info(MessageSensitivity.None, $"Chose L2 {l2} by {NeuralNetworkDefaults.L2CrossValidationFolds}-fold cross-validation on {rows:N0} rows.");
            return (NetworkFactory.Create(options, featureCount, outputs, CreateOutputActivation(), seed, threads, rows, l2), optimizer, epochs, options.BatchSize, null);
        }
        if (EpochSelection.Applies(options, rows))
        {
            var choice = EpochSelection.Choose(options, train, seed, (penalty, n) => NetworkFactory.Create(options, featureCount, outputs, CreateOutputActivation(), seed, threads, n, penalty), CreateLoss);
            channel.Info(MessageSensitivity.None, $"On a stratified tenth of the {rows:N0} rows held out, the lowest loss ({choice.HeldOutLoss:F4}) came at epoch {choice.Epochs}" +
                (choice.L2 is { } chosen ? $" with L2 {chosen}" : string.Empty) + $"; the final fit trains on every row for {Math.Max(epochs, choice.Epochs)} epochs.");
            // The hold-out only lengthens training: stopping at the hold-out's best log-loss cut Fashion-MNIST's 40 epochs to
            // 3-17 and its accuracy from 0.864 to 0.843 (the loss turns up while the accuracy still rises).
            return (choice.L2 is null ? network : NetworkFactory.Create(options, featureCount, outputs, CreateOutputActivation(), seed, threads, rows, choice.L2), optimizer,
                Math.Max(epochs, choice.Epochs), options.BatchSize, null);
        }
        var usual = new LongTraining.Regime(epochs, options.EffectiveL2Regularization(rows, featureCount));
        var longer = options.LongTrainingRegime(rows, featureCount, network.ParameterCount);
        // A refit keeps an inherited linear model on any rows: on 1,000-1,249 rows the measuring fit's four fifths chose it,
        // and the long-training choice of the whole would save a network the report never measured.
        bool keepsLinear = options.InheritedModelSelection is { Chosen: not NeuralNetworkModelCandidate.Configured };
        if (!keepsLinear && LongTraining.GivenStronger(options, rows, usual) is { } given)
        {
            // A refit that keeps its measuring fit's choice (TakeStrongerPenalty): one training, no candidates.
            channel.Info(MessageSensitivity.None, $"The usual training with {NeuralNetworkDefaults.StrongerPenaltyFactor} times its L2 penalty, as given (no held-out choice): " +
                $"the final fit trains on every row for {given.Epochs} epochs with L2 {given.L2}.");
            (_longTraining, _strongerPenalty) = (null, true);
            return (NetworkFactory.Create(options, featureCount, outputs, CreateOutputActivation(), seed, threads, rows, given.L2), optimizer, given.Epochs, options.BatchSize, null);
        }
        if (!keepsLinear && LongTraining.Applies(options, rows, usual, longer))
        {
            var choice = LongTraining.Choose(options, train, seed, (penalty, n) => NetworkFactory.Create(options, featureCount, outputs, CreateOutputActivation(), seed, threads, n, penalty), CreateLoss, usual, longer);
            var chosen = choice.Chosen;
            channel.Info(MessageSensitivity.None, $"On a stratified tenth of the {rows:N0} rows held out, {longer.Epochs} epochs with L2 {longer.L2} scored a loss of {choice.LongLoss:F4}, " +
                (double.IsNaN(choice.StrongerLoss) ? string.Empty : $"{usual.Epochs} epochs with L2 {usual.L2 * NeuralNetworkDefaults.StrongerPenaltyFactor} {choice.StrongerLoss:F4}" +
                    (choice.Margin is { } m ? $" (per row {m.Mean:F4} ± {m.StandardError:F4} below the other choice over {m.Rows:N0} rows, z {m.Mean / m.StandardError:F2}; taken from z {NeuralNetworkDefaults.StrongerPenaltyMargin})" : string.Empty) + ", ") +
                $"{usual.Epochs} epochs with L2 {usual.L2} {choice.UsualLoss:F4}: " + (choice.Candidate is null
                    ? $"the final fit trains on every row for {chosen.Epochs} epochs with L2 {chosen.L2}."
                    : $"this measuring fit keeps the network of {chosen.Epochs} epochs with L2 {chosen.L2} as it trained on the other {choice.CandidateRows:N0} rows."));
            // The stronger penalty's choice reports no long training (null) but StrongerPenalty; nntrainer's refit on every row
            // takes it as given (TakeStrongerPenalty) rather than choosing again.
            _longTraining = chosen == longer ? true : chosen == usual ? false : null;
            _strongerPenalty = _longTraining is null;
            (_choiceCandidate, _choiceCandidateRows) = (choice.Candidate, choice.CandidateRows);
            if (choice.Candidate is { } kept) return (kept, kept.Optimizer!, chosen.Epochs, options.BatchSize, null);
            return chosen == usual ? (network, optimizer, epochs, options.BatchSize, null)
                : (NetworkFactory.Create(options, featureCount, outputs, CreateOutputActivation(), seed, threads, rows, chosen.L2), optimizer, chosen.Epochs, options.BatchSize, null);
        }
        if (!keepsLinear && !ModelSelection.Applies(options, rows, CreateLoss(), ModelSelection.Work(options, rows, featureCount, outputs, network.ParameterCount))) return (network, optimizer, epochs, options.BatchSize, null);
        var uncentred = UncentredLinearCandidate.Inputs(train, scaling);
        // A refit keeps its measuring fit's choice: the folds are not run again.
        var selection = options.InheritedModelSelection
            ?? ModelSelection.Choose(options, train, uncentred.Train, seed, (candidate, n) => CreateCandidate(candidate, featureCount, outputs, seed, threads, n), CreateLoss, threads);
        channel.Info(MessageSensitivity.None, $"Model: {selection}{(options.InheritedModelSelection is null ? string.Empty : " (the measuring fit's choice)")}.");
        if (selection.Chosen == NeuralNetworkModelCandidate.Configured) return (network, optimizer, epochs, options.BatchSize, selection);
        // The uncentred model trains on its own view of the rows, and its scaling is the one folded into it afterwards.
        if (selection.Chosen == NeuralNetworkModelCandidate.UncentredLinear) (train, scaling) = uncentred;
        return (CreateCandidate(selection.Chosen, featureCount, outputs, seed, threads, rows), ModelSelection.CreateOptimizer(options, selection.Chosen),
            ModelSelection.Epochs(options, selection.Chosen, rows), ModelSelection.BatchSize(options, selection.Chosen, rows), selection);
    }

    /// <summary>A new network of a model-selection candidate for <paramref name="rows"/> training rows.</summary>
    private Network CreateCandidate(NeuralNetworkModelCandidate candidate, int featureCount, int outputs, int seed, int threads, long rows) => candidate switch
    {
        NeuralNetworkModelCandidate.Linear => NetworkFactory.Create(TrainerOptions, featureCount, outputs, CreateOutputActivation(), seed, threads, rows, NeuralNetworkDefaults.LinearL2Regularization, hiddenLayers: []),
        NeuralNetworkModelCandidate.UncentredLinear => UncentredLinearCandidate.Create(featureCount, outputs, CreateOutputActivation(), seed, threads, rows),
        _ => NetworkFactory.Create(TrainerOptions, featureCount, outputs, CreateOutputActivation(), seed, threads, rows),
    };
}
