namespace NNTrainer.ML;

public abstract partial class NeuralNetworkOptionsBase
{
    /// <summary>
    /// For classification on 20 to <see cref="NeuralNetworkDefaults.ModelSelectionRowsUpTo"/> training rows, choose by
    /// 10-fold cross-validation between this network and a linear model with ML.NET SDCA's prior (<see cref="NeuralNetworkModelCandidate.UncentredLinear"/>):
    /// the linear model is trained only when its per-row held-out cross-entropies are lower than the network's by more
    /// than <see cref="NeuralNetworkDefaults.ModelSelectionMargin"/> (2) standard errors; reported in
    /// <see cref="NeuralNetworkTransformer.ModelSelection"/>. Default true (round 18): over 40 iris splits it takes the
    /// network from 0.954 to 0.976 (SDCA 0.975) and costs wine 0.003, and no other table of the benchmarks lost more than
    /// that (docs/defaults.md, round 18). Only for a network with hidden layers, no validation set, early stopping or
    /// checkpoint, the automatic epochs, and folds of at most <see cref="NeuralNetworkDefaults.ModelSelectionWorkUpTo"/>
    /// work; costs 20 fold fits.
    /// </summary>
    public bool SelectModelOnSmallData = true;

    /// <summary>
    /// A model choice already made on these rows' measuring fit (<c>nntrainer train</c>'s refit on every row): where the
    /// choice applies (<see cref="SelectModelOnSmallData"/>), the fit trains that choice's candidate without running the
    /// folds again, and its transformer reports this choice. Null: the fit chooses itself.
    /// </summary>
    internal NeuralNetworkModelSelection? InheritedModelSelection;
}
