namespace NNTrainer.ML;

/// <summary>What <see cref="EpochSelection"/> chose: the epochs of the final fit, its L2 penalty (null: the rules' own) and the held-out loss that chose them.</summary>
internal readonly record struct HoldOutChoice(int Epochs, float? L2, double HeldOutLoss);
