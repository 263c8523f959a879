namespace NNTrainer.ML;

/// <summary>
/// Where <see cref="TrainingSetReader"/> puts each row's features as it reads them: one dense float32 matrix
/// (<see cref="DenseFeatureRows"/>), or compressed sparse rows for wide vectors that are mostly zero
/// (<see cref="SparseFeatureRows"/>). The reader's checks and messages are the same for both.
/// </summary>
internal abstract class FeatureRows
{
    /// <summary>Stores <paramref name="vector"/> as row <paramref name="row"/> (rows come in order, each once unless dropped).</summary>
    /// <returns>The slot of the first value that is not finite, or -1; its value in <paramref name="bad"/>.</returns>
    public abstract long Add(int row, in VBuffer<float> vector, out float bad);

    /// <summary>Forgets row <paramref name="row"/>, the last one added (a skipped row): the next row takes its place.</summary>
    public abstract void Drop(int row);

    /// <summary>The training set of the first <paramref name="rows"/> rows.</summary>
    public abstract TrainingSet Finish(int rows, Matrix targets, long skipped, float[]? weights);
}

/// <summary>Rows copied into one dense matrix allocated at its final size.</summary>
internal sealed class DenseFeatureRows(int capacity, int features) : FeatureRows
{
    private readonly Matrix _inputs = new(capacity, features, TrainingMemory.AllocateUninitialized(capacity * features));

    /// <inheritdoc />
    public override long Add(int row, in VBuffer<float> vector, out float bad)
    {
        var destination = _inputs.Data.AsSpan(row * _inputs.Columns, _inputs.Columns);
        vector.CopyTo(destination);
        long at = NonFinite.IndexOf(destination);
        bad = at >= 0 ? destination[(int)at] : 0f;
        return at;
    }

    /// <inheritdoc />
    public override void Drop(int row)
    {
        // The next row is written over it.
    }

    /// <inheritdoc />
    public override TrainingSet Finish(int rows, Matrix targets, long skipped, float[]? weights)
    {
        _inputs.Resize(rows);
        return new TrainingSet(_inputs, targets, skipped, weights);
    }
}

/// <summary>
/// Rows kept as their nonzero values and slots (CSR), in arrays that double as they fill: memory in proportion to the
/// nonzeros, never rows × features.
/// </summary>
internal sealed class SparseFeatureRows(int capacity, int features) : FeatureRows
{
    private readonly int[] _starts = new int[capacity + 1];
    private int[] _columns = new int[Math.Max(16, capacity)];
    private float[] _values = new float[Math.Max(16, capacity)];

    /// <inheritdoc />
    public override long Add(int row, in VBuffer<float> vector, out float bad)
    {
        int at = _starts[row];
        var values = vector.GetValues();
        long found = NonFinite.IndexOf(values);
        if (found >= 0)
        {
            bad = values[(int)found];
            return vector.IsDense ? found : vector.GetIndices()[(int)found];
        }
        bad = 0f;
        Reserve(at + values.Length);
        if (vector.IsDense)
        {
            for (int c = 0; c < values.Length; c++)
            {
                if (values[c] == 0f) continue;
                _columns[at] = c;
                _values[at++] = values[c];
            }
        }
        else
        {
            var indices = vector.GetIndices();
            for (int k = 0; k < values.Length; k++)
            {
                if (values[k] == 0f) continue;
                _columns[at] = indices[k];
                _values[at++] = values[k];
            }
        }
        _starts[row + 1] = at;
        return -1;
    }

    /// <inheritdoc />
    public override void Drop(int row) => _starts[row + 1] = _starts[row];

    /// <inheritdoc />
    public override TrainingSet Finish(int rows, Matrix targets, long skipped, float[]? weights)
    {
        var sparse = new SparseMatrix(rows, features, _starts, _columns, _values);
        return new TrainingSet(new Matrix(0, features), targets, skipped, weights) { SparseInputs = sparse };
    }

    private void Reserve(int length)
    {
        if (length <= _columns.Length) return;
        int size = (int)Math.Min(Array.MaxLength, Math.Max(length, 2L * _columns.Length));
        Array.Resize(ref _columns, size);
        Array.Resize(ref _values, size);
    }
}
