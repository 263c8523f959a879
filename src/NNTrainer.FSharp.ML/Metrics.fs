namespace NNTrainer.FSharp.MLNet

/// <summary>Counts of true classes (rows) against predicted classes (columns), with each class's precision and recall.</summary>
type ConfusionMatrix =
    {
        /// <summary>Row i, column j: the number of rows of class i predicted as class j.</summary>
        Counts: float list list
        /// <summary>Per class: the fraction of rows predicted as the class that are of the class (NaN if none was predicted).</summary>
        PerClassPrecision: float list
        /// <summary>Per class: the fraction of the class's rows predicted as the class.</summary>
        PerClassRecall: float list
    }

/// <summary>Multiclass classification metrics, as ML.NET's evaluator computes them.</summary>
type MulticlassMetrics =
    {
        /// <summary>Fraction of rows predicted correctly.</summary>
        MicroAccuracy: float
        /// <summary>Mean over classes of each class's accuracy.</summary>
        MacroAccuracy: float
        /// <summary>Mean of −log(probability of the true class); lower is better.</summary>
        LogLoss: float
        /// <summary>1 − LogLoss / (log loss of predicting the class frequencies); 1 is perfect, ≤ 0 no better than the prior.</summary>
        LogLossReduction: float
        /// <summary>Log loss of each class's rows.</summary>
        PerClassLogLoss: float list
        /// <summary>Accuracy among the top k predictions for k = 1, 2, …; empty unless the evaluation asked for a top-k count.</summary>
        TopKAccuracies: float list
        /// <summary>The confusion matrix.</summary>
        ConfusionMatrix: ConfusionMatrix
    }

/// <summary>Binary classification metrics, as ML.NET's evaluator computes them from <c>Score</c> and <c>Probability</c>.</summary>
type BinaryMetrics =
    {
        /// <summary>Fraction of rows predicted correctly.</summary>
        Accuracy: float
        /// <summary>Area under the ROC curve: the probability that a positive row scores above a negative one.</summary>
        AreaUnderRocCurve: float
        /// <summary>Area under the precision–recall curve.</summary>
        AreaUnderPrecisionRecallCurve: float
        /// <summary>Harmonic mean of positive precision and recall.</summary>
        F1Score: float
        /// <summary>Fraction of rows predicted positive that are positive.</summary>
        PositivePrecision: float
        /// <summary>Fraction of positive rows predicted positive.</summary>
        PositiveRecall: float
        /// <summary>Fraction of rows predicted negative that are negative.</summary>
        NegativePrecision: float
        /// <summary>Fraction of negative rows predicted negative.</summary>
        NegativeRecall: float
        /// <summary>Mean of −log(probability of the true label); lower is better.</summary>
        LogLoss: float
        /// <summary>1 − LogLoss / Entropy: how much better than predicting the positive rate.</summary>
        LogLossReduction: float
        /// <summary>Entropy of the labels: the log loss of predicting the positive rate.</summary>
        Entropy: float
        /// <summary>The confusion matrix (class 0 positive, class 1 negative, as ML.NET orders them).</summary>
        ConfusionMatrix: ConfusionMatrix
    }

/// <summary>Regression metrics, as ML.NET's evaluator computes them.</summary>
type RegressionMetrics =
    {
        /// <summary>Mean of |y − ŷ|.</summary>
        MeanAbsoluteError: float
        /// <summary>Mean of (y − ŷ)².</summary>
        MeanSquaredError: float
        /// <summary>√MeanSquaredError, in the label's units.</summary>
        RootMeanSquaredError: float
        /// <summary>Mean of the evaluator's loss function (squared error by default).</summary>
        LossFunction: float
        /// <summary>1 − SS_res / SS_tot: 1 is a perfect fit, 0 no better than predicting the mean.</summary>
        RSquared: float
    }

/// <summary>Conversion of ML.NET's confusion matrix.</summary>
[<RequireQualifiedAccess>]
module ConfusionMatrix =
    /// <summary>Converts ML.NET's <c>ConfusionMatrix</c>.</summary>
    /// <param name="matrix">ML.NET's confusion matrix.</param>
    let ofMLNet (matrix: Microsoft.ML.Data.ConfusionMatrix) : ConfusionMatrix =
        { Counts = [ for row in matrix.Counts -> List.ofSeq row ]
          PerClassPrecision = List.ofSeq matrix.PerClassPrecision
          PerClassRecall = List.ofSeq matrix.PerClassRecall }

/// <summary>Conversion of ML.NET's multiclass metrics.</summary>
[<RequireQualifiedAccess>]
module MulticlassMetrics =
    /// <summary>Converts ML.NET's <c>MulticlassClassificationMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.MulticlassClassificationMetrics) : MulticlassMetrics =
        { MicroAccuracy = metrics.MicroAccuracy
          MacroAccuracy = metrics.MacroAccuracy
          LogLoss = metrics.LogLoss
          LogLossReduction = metrics.LogLossReduction
          PerClassLogLoss = List.ofSeq metrics.PerClassLogLoss
          TopKAccuracies = metrics.TopKAccuracyForAllK |> Option.ofObj |> Option.map List.ofSeq |> Option.defaultValue []
          ConfusionMatrix = ConfusionMatrix.ofMLNet metrics.ConfusionMatrix }

/// <summary>Conversion of ML.NET's binary metrics.</summary>
[<RequireQualifiedAccess>]
module BinaryMetrics =
    /// <summary>Converts ML.NET's <c>CalibratedBinaryClassificationMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.CalibratedBinaryClassificationMetrics) : BinaryMetrics =
        { Accuracy = metrics.Accuracy
          AreaUnderRocCurve = metrics.AreaUnderRocCurve
          AreaUnderPrecisionRecallCurve = metrics.AreaUnderPrecisionRecallCurve
          F1Score = metrics.F1Score
          PositivePrecision = metrics.PositivePrecision
          PositiveRecall = metrics.PositiveRecall
          NegativePrecision = metrics.NegativePrecision
          NegativeRecall = metrics.NegativeRecall
          LogLoss = metrics.LogLoss
          LogLossReduction = metrics.LogLossReduction
          Entropy = metrics.Entropy
          ConfusionMatrix = ConfusionMatrix.ofMLNet metrics.ConfusionMatrix }

/// <summary>Conversion of ML.NET's regression metrics.</summary>
[<RequireQualifiedAccess>]
module RegressionMetrics =
    /// <summary>Converts ML.NET's <c>RegressionMetrics</c> (from <c>Evaluate</c> or <c>CrossValidate</c>).</summary>
    /// <param name="metrics">ML.NET's metrics.</param>
    let ofMLNet (metrics: Microsoft.ML.Data.RegressionMetrics) : RegressionMetrics =
        { MeanAbsoluteError = metrics.MeanAbsoluteError
          MeanSquaredError = metrics.MeanSquaredError
          RootMeanSquaredError = metrics.RootMeanSquaredError
          LossFunction = metrics.LossFunction
          RSquared = metrics.RSquared }
