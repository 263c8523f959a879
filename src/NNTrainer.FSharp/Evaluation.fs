namespace NNTrainer.FSharp

/// <summary>Regression figures of a model on a data set.</summary>
type RegressionFigures =
    {
        /// <summary>Mean of |y − ŷ| over every output value.</summary>
        MeanAbsoluteError: float
        /// <summary>√(mean of (y − ŷ)²) over every output value.</summary>
        RootMeanSquaredError: float
        /// <summary>1 − SS_res / SS_tot: 1 is a perfect fit, 0 no better than predicting the mean.</summary>
        RSquared: float
    }

/// <summary>A network's figures on a data set, in inference mode (no dropout).</summary>
type Evaluation =
    {
        /// <summary>Mean data loss per sample.</summary>
        DataLoss: float
        /// <summary>L1/L2 penalty of the current weights.</summary>
        RegularizationLoss: float
        /// <summary>Accuracy as the network's accuracy metric measures it (categorical, binary or the book's regression tolerance).</summary>
        Accuracy: float
        /// <summary>Number of samples evaluated.</summary>
        Samples: int
        /// <summary>RMSE, MAE and R² when the loss is a regression loss.</summary>
        Regression: RegressionFigures option
    }

    /// <summary>Data loss plus regularisation loss.</summary>
    member evaluation.Loss = evaluation.DataLoss + evaluation.RegularizationLoss

/// <summary>Functions on <see cref="Evaluation"/> values.</summary>
[<RequireQualifiedAccess>]
module Evaluation =
    /// <summary>Converts the engine's <c>EvaluationResult</c>.</summary>
    /// <param name="result">The engine's figures.</param>
    let ofEvaluationResult (result: NNTrainer.Training.EvaluationResult) =
        { DataLoss = result.DataLoss
          RegularizationLoss = result.RegularizationLoss
          Accuracy = result.Accuracy
          Samples = result.Samples
          Regression =
            result.Regression
            |> Option.ofObj
            |> Option.map (fun r ->
                { MeanAbsoluteError = r.MeanAbsoluteError
                  RootMeanSquaredError = r.RootMeanSquaredError
                  RSquared = r.RSquared }) }
