namespace NNTrainer.ML;

/// <summary>The binary classifier's decision, shared by the live and the reloaded model: positive when the logit is above 0 (probability above ½).</summary>
internal static class BinaryDecision
{
    public static bool IsPositive(float logit) => logit > 0f;

    /// <summary>
    /// The probability of the positive class: the sigmoid of the logit in double precision, exactly as ML.NET's Platt
    /// calibrator computes it with slope −1 and offset 0, which is what a saved model's stock scorer uses.
    /// </summary>
    public static float Probability(float logit) => (float)(1 / (1 + Math.Exp(-1.0 * logit + 0.0)));
}
