namespace NNTrainer.FSharp

open System

/// <summary>The engine's row-major float32 matrix: a batch of samples, one row each.</summary>
type Matrix = NNTrainer.Tensors.Matrix

/// <summary>Conversions between F# arrays and <see cref="Matrix"/>.</summary>
[<RequireQualifiedAccess>]
module Matrix =
    /// <summary>A matrix holding these rows (copied); every row must have the same length.</summary>
    /// <param name="rows">The rows; at least one.</param>
    /// <exception cref="System.ArgumentException">There are no rows, or they differ in length.</exception>
    let ofRows (rows: float32[] seq) = NNTrainer.Tensors.Matrix.FromRows(Seq.toArray rows)

    /// <summary>A matrix holding a rectangular array (copied); the first dimension is rows.</summary>
    /// <param name="values">The values.</param>
    let ofArray2D (values: float32[,]) = NNTrainer.Tensors.Matrix.FromArray values

    /// <summary>A one-column matrix of class indices, the form classification targets take.</summary>
    /// <param name="labels">Class index per sample.</param>
    let ofLabels (labels: int[]) = NNTrainer.Tensors.Matrix.FromLabels(ReadOnlySpan labels)

    /// <summary>A one-column matrix of one value per sample (regression or binary targets).</summary>
    /// <param name="values">Value per sample.</param>
    let ofColumn (values: float32[]) = NNTrainer.Tensors.Matrix.FromColumn(ReadOnlySpan values)

    /// <summary>The rows of a matrix, copied into arrays.</summary>
    /// <param name="matrix">The matrix.</param>
    let toRows (matrix: Matrix) =
        Array.init matrix.Rows (fun r -> matrix.Row(r).ToArray())

    /// <summary>The values of a matrix, copied into a rectangular array.</summary>
    /// <param name="matrix">The matrix.</param>
    let toArray2D (matrix: Matrix) = matrix.ToArray()
