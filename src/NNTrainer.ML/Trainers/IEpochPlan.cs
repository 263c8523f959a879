namespace NNTrainer.ML;

/// <summary>
/// A progress receiver that wants the epochs the fit will actually run before the first one ends. A caller announces
/// the epochs it expects, but the trainer may train a model of its own choosing instead (the small-table model choice's
/// linear model trains 3,000 full-set epochs, not the network's 200): without this, <c>nntrainer</c> printed
/// "epoch 2620/200" and 150 progress lines for iris.
/// </summary>
internal interface IEpochPlan
{
    /// <summary>The epochs the fit about to start is set to run (early stopping may end it sooner).</summary>
    void Planned(int epochs);
}
