using NNTrainer.Optimizers;

namespace NNTrainer.Training;

/// <summary>
/// One training step on one batch: the forward pass with the batch's statistics, then the backward pass with the
/// optimizer's updates. <see cref="ReferenceStep"/> is the book's; every other implementation is a named optimisation of
/// it (<see cref="TrainingStepNames"/>) that <see cref="TrainingStepSelector"/> picks when it applies.
/// </summary>
internal interface ITrainingStep
{
    /// <summary>The step's name (one of <see cref="TrainingStepNames"/>), recorded in <see cref="TrainingHistory.TrainingStep"/>.</summary>
    string Name { get; }

    /// <summary>
    /// The forward pass in training mode and the batch's figures: the summed sample losses (<c>Σ wᵢ·lᵢ</c> with sample
    /// weights), the correct predictions and the predictions counted. Leaves what <see cref="BackwardAndUpdate"/> needs.
    /// </summary>
    (double LossSum, long Correct, long Total) Forward(TrainingBatch batch);

    /// <summary>
    /// Back-propagates the batch's loss (weighted by <see cref="TrainingBatch.Factors"/>) and, layer by layer from the top,
    /// updates each layer's parameters as soon as their gradients are known; with a null <paramref name="optimizer"/> only
    /// the gradients are computed (gradient clipping then updates every parameter itself).
    /// </summary>
    void BackwardAndUpdate(TrainingBatch batch, Optimizer? optimizer);
}
