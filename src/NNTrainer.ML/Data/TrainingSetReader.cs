namespace NNTrainer.ML;

/// <summary>The rows a trainer learns from, in the engine's form: one contiguous float32 matrix of features (or sparse rows, <see cref="SparseInputs"/>) and one of targets.</summary>
/// <param name="Inputs">Features, [rows × features].</param>
/// <param name="Targets">Targets, [rows × 1].</param>
/// <param name="SkippedRows">Rows left out because a value was NaN, infinite or missing (only with <c>SkipNonFiniteRows</c>).</param>
/// <param name="Weights">One example weight per row kept, or null when the trainer has no weight column.</param>
internal sealed record TrainingSet(Matrix Inputs, Matrix Targets, long SkippedRows, float[]? Weights = null)
{
    /// <summary>The features as sparse rows when the reader kept them so (then <see cref="Inputs"/> has no rows), else null.</summary>
    public SparseMatrix? SparseInputs { get; init; }

    /// <summary>Rows of the set, dense or sparse.</summary>
    public int Rows => SparseInputs?.Rows ?? Inputs.Rows;

    /// <summary>This set with its features in one dense matrix.</summary>
    public TrainingSet Densified() => SparseInputs is { } sparse ? this with { Inputs = sparse.ToDense(), SparseInputs = null } : this;
}

/// <summary>
/// Reads an <see cref="IDataView"/> with a cursor straight into the engine's matrices: the only in-memory copy of
/// the data the trainer makes. The feature matrix is allocated once at its final size (from the view's row count, or a
/// counting pass when the view cannot tell it) in memory that <see cref="TrainingMemory"/> makes cheap to fill. Wide
/// vectors that are mostly zero (<see cref="SparseFeatures.Prefer"/>: text n-grams) are kept as sparse rows when the
/// caller allows it; other sparse vectors are expanded row by row as they are read.
/// </summary>
internal static class TrainingSetReader
{
    /// <summary>Reads every row of <paramref name="data"/>.</summary>
    /// <param name="data">The data; it is read once (twice when it cannot tell its row count).</param>
    /// <param name="features">The feature column, a known-size vector of <paramref name="featureCount"/> floats.</param>
    /// <param name="featureCount">Values per feature vector.</param>
    /// <param name="label">The label column.</param>
    /// <param name="labels">How to read the label.</param>
    /// <param name="skipNonFinite">Skip rows with unusable values instead of failing.</param>
    /// <param name="dataName">"training data" or "validation data", for messages.</param>
    /// <param name="weight">The example weight column (a Single), or null for none.</param>
    /// <param name="sparse">Keep the features as sparse rows (<see cref="TrainingSet.SparseInputs"/>) instead of one dense matrix.</param>
    public static TrainingSet Read(IDataView data, DataViewSchema.Column features, int featureCount, DataViewSchema.Column label,
        LabelReader labels, bool skipNonFinite, string dataName, DataViewSchema.Column? weight = null, bool sparse = false)
    {
        long counted = data.GetRowCount() ?? CountRows(data);
        if (counted == 0) throw new ArgumentException($"The {dataName} has no rows: the neural network needs at least one row to learn from.", nameof(data));
        if (sparse && counted > int.MaxValue - 1) throw new ArgumentException($"The {dataName} has {counted:N0} rows, more than the trainer can hold; set Streaming = true in the trainer's options.", nameof(data));
        if (!sparse && counted > int.MaxValue / Math.Max(1, featureCount))
        {
            // The way out depends on the data: only the training data can stream (validation data is always held).
            string wayOut = dataName == "training data"
                ? "Set Streaming = true in the trainer's options to read the rows block by block every epoch instead, or use fewer features"
                : "Pass fewer validation rows, or use fewer features";
            throw new ArgumentException(
                $"The {dataName} has {counted:N0} rows of {featureCount:N0} features, more than one in-memory float32 matrix can hold. {wayOut} " +
                "(for text, select the most useful slots after FeaturizeText, e.g. mlContext.Transforms.FeatureSelection.SelectFeaturesBasedOnCount).", nameof(data));
        }
        int capacity = (int)counted;
        if (!sparse && weight is null && data is IFeatureMatrixSource source && TryTake(data, source, features, featureCount, capacity, label, labels) is { } taken) return taken;
        FeatureRows inputs = sparse ? new SparseFeatureRows(capacity, featureCount) : new DenseFeatureRows(capacity, featureCount);
        var targets = new Matrix(capacity, 1);
        var y = targets.Data;
        var weights = weight is null ? null : new float[capacity];

        using var cursor = data.GetRowCursor(weight is { } w ? new[] { features, label, w } : new[] { features, label });
        var getFeatures = cursor.GetGetter<VBuffer<float>>(features);
        var getLabel = labels.Bind(cursor, label);
        var getWeight = weight is { } column ? cursor.GetGetter<float>(column) : null;
        float rowWeight = 1f;
        var vector = default(VBuffer<float>);
        int kept = 0;
        long skipped = 0;
        long row = -1;
        while (cursor.MoveNext())
        {
            row++;
            if (kept >= capacity)
            {
                throw new InvalidOperationException($"The {dataName} returned more rows than the {capacity} it reported; it must give the same rows every time it is read.");
            }
            getFeatures(ref vector);
            if (vector.Length != featureCount)
            {
                throw new ArgumentException($"Row {row} of the {dataName} has {vector.Length} values in column '{features.Name}'; every row must have {featureCount}.", nameof(data));
            }
            long bad = inputs.Add(kept, vector, out float badValue);
            float target = getLabel();
            if (getWeight is not null)
            {
                getWeight(ref rowWeight);
                // A bad weight is an error even with SkipNonFiniteRows: it would silently change what the other rows count for.
                if (!(rowWeight >= 0 && float.IsFinite(rowWeight)))
                {
                    throw new ArgumentException($"Column '{weight!.Value.Name}' holds the weight {rowWeight} at row {row} of the {dataName}; example weights must be finite and ≥ 0.", nameof(data));
                }
            }

            if (bad >= 0 || float.IsNaN(target))
            {
                if (skipNonFinite)
                {
                    inputs.Drop(kept);
                    skipped++;
                    continue;
                }
                throw bad >= 0
                    ? new ArgumentException($"Column '{features.Name}' holds {badValue} at row {row}, slot {bad} of the {dataName}; every feature must be a finite number. " +
                        "Replace missing values first (mlContext.Transforms.ReplaceMissingValues) or set SkipNonFiniteRows = true in the trainer's options to skip such rows.", nameof(data))
                    : new ArgumentException($"Column '{label.Name}' holds {labels.BadValueDescription} at row {row} of the {dataName}; every row needs a usable label. " +
                        "Filter such rows out (mlContext.Data.FilterRowsByMissingValues) or set SkipNonFiniteRows = true in the trainer's options to skip them.", nameof(data));
            }
            y[kept] = target;
            if (weights is not null) weights[kept] = rowWeight;
            kept++;
        }
        if (kept == 0)
        {
            throw new ArgumentException(skipped > 0
                ? $"Every one of the {skipped} rows of the {dataName} has a NaN, infinite or missing value, so none is left to learn from."
                : $"The {dataName} has no rows: the neural network needs at least one row to learn from.", nameof(data));
        }
        targets.Resize(kept);
        if (weights is not null)
        {
            if (!HasPositive(weights.AsSpan(0, kept)))
            {
                throw new ArgumentException($"Every row of the {dataName} has weight 0 in column '{weight!.Value.Name}', so none is left to learn from.", nameof(data));
            }
            if (kept < capacity) weights = weights[..kept];
        }
        return inputs.Finish(kept, targets, skipped, weights);
    }

    /// <summary>
    /// The view's own feature matrix as the training matrix, no copy, when it hands it over and every feature and label
    /// is usable; otherwise null, and the rows are read (and checked, skipped or refused) as any view's are — the
    /// matrix is only taken once nothing can go wrong, so the caller's values are unchanged on that path.
    /// </summary>
    private static TrainingSet? TryTake(IDataView data, IFeatureMatrixSource source, DataViewSchema.Column features, int featureCount, int rows,
        DataViewSchema.Column label, LabelReader labels)
    {
        var matrix = source.TakeFeatures(features.Name, featureCount);
        if (matrix is null || matrix.Length != (long)rows * featureCount || NonFinite.IndexOf(matrix) >= 0) return null;
        var targets = new Matrix(rows, 1);
        var y = targets.Data;
        int row = 0;
        using (var cursor = data.GetRowCursor([label]))
        {
            var getLabel = labels.Bind(cursor, label);
            while (cursor.MoveNext())
            {
                if (row >= rows) return null;
                float target = getLabel();
                if (float.IsNaN(target)) return null;
                y[row++] = target;
            }
        }
        return row == rows ? new TrainingSet(new Matrix(rows, featureCount, matrix), targets, 0) : null;
    }

    private static bool HasPositive(ReadOnlySpan<float> weights)
    {
        foreach (float w in weights)
        {
            if (w > 0) return true;
        }
        return false;
    }

    private static long CountRows(IDataView data)
    {
        long count = 0;
        using var cursor = data.GetRowCursor(Array.Empty<DataViewSchema.Column>());
        while (cursor.MoveNext()) count++;
        return count;
    }
}
