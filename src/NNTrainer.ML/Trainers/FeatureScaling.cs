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

    /// <summary>The scaling of a training set: <see cref="Fit(Matrix, float[], bool)"/> for dense rows, <see cref="FitSparse"/> for sparse ones.</summary>
    /// <param name="set">The training rows.</param>
    /// <param name="indicatorsToUnitRange">Map dense columns of exactly two values onto {0, 1} instead (<see cref="IndicatorColumns"/>).</param>
    public static FeatureScaling Fit(TrainingSet set, bool indicatorsToUnitRange = false) =>
        set.SparseInputs is { } sparse ? FitSparse(sparse, set.Weights) : Fit(set.Inputs, set.Weights, indicatorsToUnitRange);

    /// <summary>Scales a training set's features in place, dense or sparse.</summary>
    public void Standardize(TrainingSet set)
    {
        if (set.SparseInputs is { } sparse) Standardize(sparse);
        else Standardize(set.Inputs);
    }

    /// <summary>
    /// The weighted means and standard deviations of the columns (every row weighing 1 when <paramref name="weights"/> is
    /// null); with <paramref name="indicatorsToUnitRange"/>, columns of exactly two values over the rows of positive weight
    /// get the map onto {0, 1} instead.
    /// </summary>
    public static FeatureScaling Fit(Matrix inputs, float[]? weights = null, bool indicatorsToUnitRange = false)
    {
        int columns = inputs.Columns;
        var means = new double[columns];
        var squares = new double[columns];
        var indicators = indicatorsToUnitRange ? new IndicatorColumns(columns) : null;
        double total = 0;
        for (int r = 0; r < inputs.Rows; r++)
        {
            var row = inputs.Row(r);
            double w = weights?[r] ?? 1;
            total += w;
            for (int c = 0; c < columns; c++) means[c] += w * row[c];
            if (w > 0) indicators?.Add(row);
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
        indicators?.ToUnitRange(means, deviations);
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
    /// The scaling of sparse rows, none centred: the columns share one factor, the largest magnitude stored in a row of
    /// positive weight, except an outsized dense column (set in more than half of the rows, with values over
    /// <see cref="OutsizedDenseColumn"/> times every sparse column's largest, such as an income in dollars concatenated
    /// with one-hot or n-gram slots), which is divided by its own largest magnitude instead of shrinking every sparse
    /// slot to nothing. Centring would fill in every zero; a factor per sparse column (a deviation or its own maximum)
    /// would blow a rare n-gram up to many times the size of a common one (±40 for 1 row in 1,600 by its standard
    /// deviation), and such columns are what wide sparse data is made of: one shared factor keeps their relative sizes
    /// (FeaturizeText's rows are already normalised). All values end in [−1, 1]. Measured in docs/sparse.md.
    /// </summary>
    public static FeatureScaling FitSparse(SparseMatrix inputs, float[]? weights = null)
    {
        var largest = new double[inputs.Columns];
        var counts = new int[inputs.Columns];
        int rows = 0;
        for (int r = 0; r < inputs.Rows; r++)
        {
            if (weights is not null && !(weights[r] > 0)) continue;
            rows++;
            var values = inputs.RowValues(r);
            var columns = inputs.RowColumns(r);
            for (int k = 0; k < values.Length; k++)
            {
                largest[columns[k]] = Math.Max(largest[columns[k]], Math.Abs(values[k]));
                counts[columns[k]]++;
            }
        }
        double sparseLargest = 0;
        for (int c = 0; c < largest.Length; c++)
        {
            if (2L * counts[c] <= rows) sparseLargest = Math.Max(sparseLargest, largest[c]);
        }
        var outsized = new bool[largest.Length];
        double shared = 0;
        for (int c = 0; c < largest.Length; c++)
        {
            outsized[c] = 2L * counts[c] > rows && sparseLargest > 0 && largest[c] > OutsizedDenseColumn * sparseLargest && double.IsFinite(largest[c]);
            if (!outsized[c]) shared = Math.Max(shared, largest[c]);
        }
        if (!(shared > 0 && double.IsFinite(shared))) shared = 1;
        var deviations = new double[inputs.Columns];
        for (int c = 0; c < deviations.Length; c++) deviations[c] = outsized[c] ? largest[c] : shared;
        return new FeatureScaling(new double[inputs.Columns], deviations);
    }

    /// <summary>
    /// How many times larger than every sparse column's values a dense column's must be to get a factor of its own: far
    /// above the spread of n-gram weights in normalised text rows, far below a raw amount beside one-hot slots.
    /// </summary>
    internal const double OutsizedDenseColumn = 100;

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
