namespace NNTrainer.ML;

/// <summary>
/// Standardises the training features column by column, <c>(x − mean) / std</c>, and afterwards folds the same
/// affine map into the first dense layer (<c>W/std</c> per input row, <c>b − Σ mean/std · W</c>), so the trained
/// network reads the features as they come, with no extra step when scoring, saving or exporting to ONNX.
/// </summary>
/// <remarks>
/// ML.NET's <c>NormalizeMeanVariance</c> keeps zero at zero by default (it scales without centring) and
/// <c>NormalizeMinMax</c> maps to [0, 1]: both leave every feature off-centre, which slows a ReLU network's
/// training. Standardising inside the trainer makes the result independent of the normaliser the pipeline used.
/// </remarks>
internal sealed class FeatureScaling
{
    private readonly double[] _means;
    private readonly double[] _deviations;

    private FeatureScaling(double[] means, double[] deviations)
    {
        _means = means;
        _deviations = deviations;
    }

    /// <summary>A scaling from means and standard deviations measured elsewhere (streaming training's first pass).</summary>
    internal static FeatureScaling FromStatistics(double[] means, double[] deviations) => new(means, deviations);

    public IReadOnlyList<double> Means => _means;

    public IReadOnlyList<double> StandardDeviations => _deviations;

    /// <summary>The scaling of a training set: <see cref="Fit(Matrix, float[])"/> for dense rows, <see cref="FitSparse"/> for sparse ones.</summary>
    public static FeatureScaling Fit(TrainingSet set) =>
        set.SparseInputs is { } sparse ? FitSparse(sparse, set.Weights) : Fit(set.Inputs, set.Weights);

    /// <summary>Scales a training set's features in place, dense or sparse.</summary>
    public void Standardize(TrainingSet set)
    {
        if (set.SparseInputs is { } sparse) Standardize(sparse);
        else Standardize(set.Inputs);
    }

    /// <summary>The weighted means and standard deviations of the columns (every row weighing 1 when <paramref name="weights"/> is null).</summary>
    public static FeatureScaling Fit(Matrix inputs, float[]? weights = null)
    {
        int columns = inputs.Columns;
        var means = new double[columns];
        var squares = new double[columns];
        double total = 0;
        for (int r = 0; r < inputs.Rows; r++)
        {
            var row = inputs.Row(r);
            double w = weights?[r] ?? 1;
            total += w;
            for (int c = 0; c < columns; c++) means[c] += w * row[c];
        }
        for (int c = 0; c < columns; c++) means[c] /= Math.Max(1e-300, total);
        for (int r = 0; r < inputs.Rows; r++)
        {
            var row = inputs.Row(r);
            double w = weights?[r] ?? 1;
            for (int c = 0; c < columns; c++)
            {
                double d = row[c] - means[c];
                squares[c] += w * d * d;
            }
        }
        var deviations = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            double std = Math.Sqrt(squares[c] / Math.Max(1e-300, total));
            // A constant column carries nothing to scale: centre it and keep the unit scale.
            deviations[c] = std > 1e-12 && double.IsFinite(std) ? std : 1;
        }
        return new FeatureScaling(means, deviations);
    }

    /// <summary>Divides each stored value by its column's deviation; a sparse scaling has no means to subtract.</summary>
    public void Standardize(SparseMatrix inputs)
    {
        var values = inputs.Values;
        var columns = inputs.ColumnIndices;
        long stored = inputs.StoredCount;
        for (int k = 0; k < stored; k++) values[k] = (float)(values[k] / _deviations[columns[k]]);
    }

    /// <summary>
    /// The scaling of sparse rows: every column divided by one factor, the largest magnitude stored in a row of positive
    /// weight, and none centred. Centring would fill in every zero; a factor per column (a deviation or a column's own
    /// maximum) would blow a rare n-gram up to many times the size of a common one (±40 for 1 row in 1,600 by its standard
    /// deviation), and such columns are what wide sparse data is made of. One factor keeps the columns' relative sizes
    /// (FeaturizeText's rows are already normalised) and only brings values into [−1, 1]. Measured in docs/sparse.md.
    /// </summary>
    public static FeatureScaling FitSparse(SparseMatrix inputs, float[]? weights = null)
    {
        double largest = 0;
        for (int r = 0; r < inputs.Rows; r++)
        {
            if (weights is not null && !(weights[r] > 0)) continue;
            foreach (float v in inputs.RowValues(r)) largest = Math.Max(largest, Math.Abs(v));
        }
        var deviations = new double[inputs.Columns];
        Array.Fill(deviations, largest > 0 && double.IsFinite(largest) ? largest : 1);
        return new FeatureScaling(new double[inputs.Columns], deviations);
    }

    public void Standardize(Matrix inputs)
    {
        for (int r = 0; r < inputs.Rows; r++)
        {
            var row = inputs.Row(r);
            for (int c = 0; c < row.Length; c++) row[c] = (float)((row[c] - _means[c]) / _deviations[c]);
        }
    }

    /// <summary>
    /// The inverse of <see cref="FoldInto"/> (<c>W·std</c> per input row, <c>b + Σ mean·W</c>), computed in double: it turns a
    /// trained model that reads raw features back into one that reads features standardised by this map, so that
    /// training can continue on standardised data.
    /// </summary>
    public void Unfold(Network network) => Apply(network, fold: false);

    /// <summary>Folds the map into the first dense layer, so the network reads raw features.</summary>
    public void FoldInto(Network network) => Apply(network, fold: true);

    private void Apply(Network network, bool fold)
    {
        var first = (DenseLayer)network.Layers[0];
        var weights = first.Weights.Values;
        var biases = first.Biases.Values;
        int neurons = first.Neurons;
        var shift = new double[neurons];
        for (int i = 0; i < first.InputSize; i++)
        {
            var row = weights.AsSpan(i * neurons, neurons);
            for (int j = 0; j < neurons; j++)
            {
                // Folding shifts by the new (scaled) weight, unfolding by the folded weight it starts from.
                double w = fold ? row[j] / _deviations[i] : row[j];
                shift[j] += _means[i] * w;
                row[j] = (float)(fold ? w : row[j] * _deviations[i]);
            }
        }
        for (int j = 0; j < neurons; j++) biases[j] = (float)(fold ? biases[j] - shift[j] : biases[j] + shift[j]);
    }
}
