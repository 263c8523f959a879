namespace NNTrainer.Optimizers;

/// <summary>
/// The argument checks the optimizers share, so that the same hyperparameter is refused with the same words by every
/// optimizer that takes it.
/// </summary>
internal static class OptimizerArguments
{
    /// <summary>Returns <paramref name="learningRate"/>, or throws unless it is finite and &gt; 0.</summary>
    public static float LearningRate(float learningRate) =>
        float.IsFinite(learningRate) && learningRate > 0f ? learningRate : throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a finite number > 0.");

    /// <summary>Returns the learning-rate <paramref name="decay"/>, or throws unless it is finite and ≥ 0.</summary>
    public static float Decay(float decay) =>
        float.IsFinite(decay) && decay >= 0f ? decay : throw new ArgumentOutOfRangeException(nameof(decay), decay, "The learning-rate decay must be a finite number ≥ 0.");

    /// <summary>Returns <paramref name="epsilon"/>, or throws unless it is finite and &gt; 0.</summary>
    public static float Epsilon(float epsilon) =>
        float.IsFinite(epsilon) && epsilon > 0f ? epsilon : throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be a finite number > 0.");

    /// <summary>Returns a moving-average decay (β₁, β₂, ρ), or throws unless it is in [0, 1).</summary>
    /// <param name="value">The decay.</param>
    /// <param name="name">The parameter's name (<c>beta1</c>); the message capitalises it.</param>
    public static float UnitDecay(float value, string name) =>
        value >= 0f && value < 1f ? value : throw new ArgumentOutOfRangeException(name, value, $"{char.ToUpperInvariant(name[0])}{name[1..]} must be in [0, 1).");
}
