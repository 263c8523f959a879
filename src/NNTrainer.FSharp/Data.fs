namespace NNTrainer.FSharp

/// <summary>
/// A data set: samples and their targets, one row each. Targets are class indices (one column) or one-hot
/// rows for categorical cross-entropy, 0/1 per output for binary cross-entropy, values for regression.
/// </summary>
type Data =
    {
        /// <summary>The samples, [samples × features].</summary>
        Inputs: Matrix
        /// <summary>The targets, one row per sample.</summary>
        Targets: Matrix
    }

/// <summary>Functions creating <see cref="Data"/> values.</summary>
[<RequireQualifiedAccess>]
module Data =
    /// <summary>Samples with class labels.</summary>
    /// <param name="rows">The samples, all of the same length.</param>
    /// <param name="labels">Class index per sample.</param>
    let ofLabels (rows: float32[] seq) (labels: int[]) =
        { Inputs = Matrix.ofRows rows; Targets = Matrix.ofLabels labels }

    /// <summary>Samples with target rows (one-hot, 0/1 per output, or regression values).</summary>
    /// <param name="rows">The samples, all of the same length.</param>
    /// <param name="targets">Target row per sample, all of the same length.</param>
    let ofRows (rows: float32[] seq) (targets: float32[] seq) =
        { Inputs = Matrix.ofRows rows; Targets = Matrix.ofRows targets }

    /// <summary>Samples and targets already in matrices (not copied).</summary>
    /// <param name="inputs">The samples.</param>
    /// <param name="targets">The targets.</param>
    let ofMatrices (inputs: Matrix) (targets: Matrix) = { Inputs = inputs; Targets = targets }

    /// <summary>Number of samples.</summary>
    /// <param name="data">The data set.</param>
    let count (data: Data) = data.Inputs.Rows

    /// <summary>The book's interleaved spirals, one arm per class (seeded, so every run draws the same points).</summary>
    /// <param name="samplesPerClass">Points per class (the book uses 100).</param>
    /// <param name="classes">Number of classes (the book uses 3).</param>
    /// <param name="seed">Seed of the noise.</param>
    let spiral (samplesPerClass: int) (classes: int) (seed: int) =
        let struct (inputs, labels) = NNTrainer.Data.SyntheticData.Spiral(samplesPerClass, classes, seed)
        { Inputs = inputs; Targets = Matrix.ofLabels labels }

    /// <summary>The book's vertical clusters, one per class: nearly linearly separable.</summary>
    /// <param name="samplesPerClass">Points per class.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="seed">Seed of the noise.</param>
    let vertical (samplesPerClass: int) (classes: int) (seed: int) =
        let struct (inputs, labels) = NNTrainer.Data.SyntheticData.Vertical(samplesPerClass, classes, seed)
        { Inputs = inputs; Targets = Matrix.ofLabels labels }

    /// <summary>One period of a sine wave, <c>y = sin(2πx)</c> for x in [0, 1): the book's regression data.</summary>
    /// <param name="samples">Number of points (the book uses 1000).</param>
    let sine (samples: int) =
        let struct (inputs, targets) = NNTrainer.Data.SyntheticData.Sine samples
        { Inputs = inputs; Targets = targets }

    /// <summary>
    /// Fashion-MNIST's training and test sets (pixels scaled to [0, 1], labels 0–9), from the Debian package's
    /// folder, <c>FASHION_MNIST_DIR</c> or the user cache.
    /// </summary>
    /// <returns>The training set and the test set.</returns>
    /// <exception cref="System.IO.FileNotFoundException">The files are not installed; the message says how to get them.</exception>
    let fashionMnist () =
        let struct (trainInputs, trainLabels, testInputs, testLabels) = NNTrainer.Data.FashionMnist.Load()
        { Inputs = trainInputs; Targets = Matrix.ofLabels trainLabels },
        { Inputs = testInputs; Targets = Matrix.ofLabels testLabels }
