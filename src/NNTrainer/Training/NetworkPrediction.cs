using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>Batch prediction into buffers the caller owns, so that scoring in a loop allocates nothing.</summary>
public sealed partial class Network
{
    /// <summary>
    /// The network's outputs for every sample, written into <paramref name="outputs"/>, in inference mode. Nothing is
    /// allocated once the network has scored one tile of rows, and the inputs are read in place. Each row's outputs
    /// are bit-identical to those <see cref="Predict(Matrix, int)"/> returns.
    /// </summary>
    /// <param name="inputs">Samples, [samples × <see cref="InputSize"/>].</param>
    /// <param name="outputs">Destination, [samples × <see cref="OutputSize"/>].</param>
    /// <param name="batchSize">Samples per pass through the layers at most (default 1024); larger batches than <see cref="Predictor.TileRows"/> run in tiles of that size, so that intermediate results stay in cache. The outputs do not depend on it.</param>
    /// <remarks>Like <see cref="Predict(Matrix, int)"/>, it uses the network's own scoring buffers: call it from one thread at a time, or use <see cref="CreatePredictor"/> per thread.</remarks>
    /// <exception cref="ArgumentException">A matrix has the wrong shape.</exception>
    public void Predict(Matrix inputs, Matrix outputs, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        RequireBuilt();
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; the data has {inputs.Columns}.", nameof(inputs));
        }
        if (outputs.Rows != inputs.Rows || outputs.Columns != OutputSize)
        {
            throw new ArgumentException($"The destination must be {inputs.Rows}x{OutputSize} (one row of {OutputSize} outputs per sample); it is {outputs.Rows}x{outputs.Columns}.", nameof(outputs));
        }
        Predict(inputs.AsSpan(), outputs.AsSpan(), batchSize);
    }

    /// <summary>
    /// The network's outputs for the samples in <paramref name="inputs"/> (row-major, <see cref="InputSize"/> values
    /// each), written into <paramref name="outputs"/> (<see cref="OutputSize"/> values each); allocation-free like
    /// <see cref="Predict(Matrix, Matrix, int)"/>.
    /// </summary>
    /// <param name="inputs">The samples' values, row after row.</param>
    /// <param name="outputs">Destination: exactly <see cref="OutputSize"/> values per sample.</param>
    /// <param name="batchSize">As for <see cref="Predict(Matrix, Matrix, int)"/>; it must be positive.</param>
    /// <exception cref="ArgumentException">The spans' lengths are not whole samples, or do not match each other.</exception>
    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize = 1024)
    {
        RequireBuilt();
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        if (inputs.Length % InputSize != 0)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; {inputs.Length} values are not a whole number of samples.", nameof(inputs));
        }
        int rows = inputs.Length / InputSize;
        if (outputs.Length != (long)rows * OutputSize)
        {
            throw new ArgumentException($"{rows} samples give {(long)rows * OutputSize} outputs ({OutputSize} each); the destination holds {outputs.Length}.", nameof(outputs));
        }
        SharedPredictor.PredictTiled(inputs, rows, outputs, batchSize);
    }

    /// <summary>
    /// The predicted class of every sample, written into <paramref name="classes"/>: the arg-max of the outputs, or
    /// for a single sigmoid output, 1 when it exceeds 0.5 and 0 otherwise. Allocates nothing once the network has
    /// scored one tile of rows.
    /// </summary>
    /// <param name="inputs">Samples, [samples × <see cref="InputSize"/>].</param>
    /// <param name="classes">Destination, one class per sample.</param>
    /// <param name="batchSize">As for <see cref="Predict(Matrix, Matrix, int)"/>.</param>
    /// <exception cref="ArgumentException">The input has the wrong width or the destination the wrong length.</exception>
    public void PredictClasses(Matrix inputs, Span<int> classes, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        RequireBuilt();
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; the data has {inputs.Columns}.", nameof(inputs));
        }
        if (classes.Length != inputs.Rows)
        {
            throw new ArgumentException($"The data has {inputs.Rows} samples; the destination holds {classes.Length} classes.", nameof(classes));
        }
        var predictor = SharedPredictor;
        var data = inputs.AsSpan();
        int tile = Math.Min(batchSize, Predictor.TileRows);
        for (int start = 0; start < inputs.Rows; start += tile)
        {
            int count = Math.Min(tile, inputs.Rows - start);
            var result = predictor.PredictRows(data.Slice(start * InputSize), count);
            ToClasses(result.AsSpan(), OutputSize, classes.Slice(start, count));
        }
    }

    private static void ToClasses(ReadOnlySpan<float> outputs, int columns, Span<int> classes)
    {
        for (int r = 0; r < classes.Length; r++)
        {
            classes[r] = columns == 1 ? (outputs[r] > 0.5f ? 1 : 0) : Kernels.ArgMax(outputs.Slice(r * columns, columns));
        }
    }
}
