namespace NNTrainer.ML;

/// <summary>The ML.NET task a neural network in a model was trained for, which decides its output columns.</summary>
public enum NeuralNetworkTask
{
    /// <summary>Binary classification: <c>Score</c> (logit), <c>Probability</c>, <c>PredictedLabel</c> (Boolean).</summary>
    BinaryClassification,

    /// <summary>Multiclass classification: <c>Score</c> (class probabilities), <c>PredictedLabel</c> (key).</summary>
    MulticlassClassification,

    /// <summary>Regression: <c>Score</c>, in the label's units.</summary>
    Regression,
}
