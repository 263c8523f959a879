namespace NNTrainer.Cli.Data;

/// <summary>
/// Featurized rows for the trainers: a <c>Label</c> column (of the type and annotations the feature pipeline gives it)
/// and a <c>Features</c> column read from one contiguous float32 matrix, [rows × width].
/// </summary>
internal static class FeatureDataView
{
    /// <param name="label">The pipeline's <c>Label</c> column (type and annotations).</param>
    /// <param name="task">The task, which sets how label values are stored.</param>
    /// <param name="labels">Per row: the class index from 0 (classification) or the target (regression).</param>
    /// <param name="features">The feature matrix, row after row.</param>
    /// <param name="width">Values per row.</param>
    public static FeatureMatrixView Create(DataViewSchema.Column label, TaskKind task, float[] labels, float[] features, int width)
    {
        Func<Func<int>, Delegate> labelGetter = task switch
        {
            TaskKind.Multiclass => ColumnarDataView.Getter(r => (uint)labels[r] + 1),
            TaskKind.Binary => ColumnarDataView.Getter(r => labels[r] != 0),
            _ => ColumnarDataView.Getter(r => labels[r]),
        };
        var featureType = new VectorDataViewType(NumberDataViewType.Single, width);
        Func<Func<int>, Delegate> featureGetter = row => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> destination) =>
        {
            var editor = VBufferEditor.Create(ref destination, width);
            features.AsSpan(row() * width, width).CopyTo(editor.Values);
            destination = editor.Commit();
        });
        return new FeatureMatrixView(new ColumnarDataView(
        [
            new(ColumnNames.Label, label.Type, labelGetter, label.Annotations),
            new(ColumnNames.Features, featureType, featureGetter),
        ], labels.Length), features, width);
    }

    /// <summary>The label of each row: class index from 0 (classification) or the target (regression).</summary>
    public static float[] Labels(CsvTable table, ModelSchema schema, int[] rows)
    {
        var column = table.Require(schema.LabelColumn, "the label");
        var labels = new float[rows.Length];
        if (schema.Task == TaskKind.Regression)
        {
            for (int i = 0; i < rows.Length; i++) labels[i] = column.Numbers![rows[i]];
            return labels;
        }
        var index = schema.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        if (column.Numbers is { } numbers)
        {
            // One text per distinct number, not one per row.
            var cache = new Dictionary<float, int>();
            for (int i = 0; i < rows.Length; i++)
            {
                float v = numbers[rows[i]];
                if (!cache.TryGetValue(v, out int k)) cache[v] = k = index[column.TextAt(rows[i])!];
                labels[i] = k;
            }
            return labels;
        }
        for (int i = 0; i < rows.Length; i++) labels[i] = index[column.Texts![rows[i]]!];
        return labels;
    }
}
