using System.Collections.Immutable;
using Microsoft.ML.Transforms;

namespace NNTrainer.Cli.Models;

/// <summary>
/// The fitted feature pipeline of <see cref="FeaturePipeline"/> as plain arrays, read back from its ML.NET transformers:
/// per numeric slot the fill value and the affine normaliser's scale (and offset), per text column the one-hot slot of
/// each category. It writes a block of rows straight into one contiguous float32 matrix, the <c>Features</c> ML.NET
/// would compute one row at a time — bit for bit, which <see cref="Matches"/> checks on real rows before it is used.
/// </summary>
/// <remarks>Built by <see cref="TryCreate"/>, which reads the arrays from a fitted featurizer.</remarks>
internal sealed class FeatureMap(string[] numeric, float[] filled, float[] scale, float[]? offset,
    (string Name, Dictionary<string, int> Slots, int Start)[] categorical, int width)
{
    /// <summary>Rows written together by <see cref="Write"/>: 256 rows of a few dozen features fit in the L2 cache.</summary>
    private const int RowsPerBlock = 256;

    private readonly string[] _numeric = numeric;
    private readonly float[] _filled = filled;
    private readonly float[] _scale = scale;
    private readonly float[]? _offset = offset;
    private readonly (string Name, Dictionary<string, int> Slots, int Start)[] _categorical = categorical;

    /// <summary>Values per feature vector.</summary>
    public int Width { get; } = width;

    /// <summary>Reads the map from a featurizer built by <see cref="FeaturePipeline"/>; null when it has another shape.</summary>
    public static FeatureMap? TryCreate(MLContext ml, ITransformer featurizer, DataViewSchema rawSchema, ModelSchema schema)
    {
        try
        {
            var output = featurizer.GetOutputSchema(rawSchema);
            if (output.GetColumnOrNull(ColumnNames.Features) is not { Type: VectorDataViewType { IsKnownSize: true } features }) return null;
            var numeric = schema.Features.Where(f => f.Kind == ColumnKind.Numeric).Select(f => f.Name).ToArray();
            float[] scale = [], filled = [];
            float[]? offset = null;
            if (numeric.Length > 0)
            {
                var normalizer = Flatten(featurizer).OfType<NormalizingTransformer>().LastOrDefault();
                if (normalizer?.GetNormalizerModelParameters(0) is not NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine) return null;
                scale = affine.Scale.ToArray();
                offset = affine.Offset.IsDefaultOrEmpty ? null : affine.Offset.ToArray();
                if (scale.Length != numeric.Length || (offset is not null && offset.Length != numeric.Length)) return null;
                filled = FilledValues(ml, featurizer, rawSchema, numeric.Length);
            }
            int start = numeric.Length;
            var categorical = new List<(string, Dictionary<string, int>, int)>();
            foreach (var feature in schema.Features.Where(f => f.Kind == ColumnKind.Categorical))
            {
                var column = output.GetColumnOrNull(ColumnNames.CategoricalPrefix + feature.Name);
                if (column is not { Type: VectorDataViewType { IsKnownSize: true } vector } || !column.Value.HasSlotNames()) return null;
                var names = default(VBuffer<ReadOnlyMemory<char>>);
                column.Value.GetSlotNames(ref names);
                var slots = new Dictionary<string, int>(StringComparer.Ordinal);
                int i = 0;
                foreach (var name in names.DenseValues()) slots.TryAdd(name.ToString(), i++);
                categorical.Add((feature.Name, slots, start));
                start += vector.Size;
            }
            return start == features.Size ? new FeatureMap(numeric, filled, scale, offset, categorical.ToArray(), start) : null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>Writes the features of <paramref name="count"/> table rows (row <c>rows[i]</c>, or i without <paramref name="rows"/>) into a [count × Width] block.</summary>
    public void Write(CsvTable table, int[]? rows, int first, int count, Span<float> destination)
    {
        var numbers = new float[_numeric.Length][];
        for (int j = 0; j < numbers.Length; j++) numbers[j] = table.Require(_numeric[j], "a feature the model was trained on").Numbers!;
        var texts = _categorical.Select(c => table.Require(c.Name, "a feature the model was trained on")).ToArray();
        // A few hundred rows at a time, all columns: the block of the matrix being written stays in cache, where one
        // column at a time over all rows would stream the whole matrix through memory once per column.
        for (int block = 0; block < count; block += RowsPerBlock)
        {
            int n = Math.Min(RowsPerBlock, count - block);
            var output = destination.Slice(block * Width, n * Width);
            output.Clear();
            for (int j = 0; j < numbers.Length; j++)
            {
                var values = numbers[j];
                float scale = _scale[j], filled = _filled[j], offset = _offset?[j] ?? 0;
                bool shift = _offset is not null;
                for (int i = 0; i < n; i++)
                {
                    int at = first + block + i;
                    float x = values[rows is null ? at : rows[at]];
                    output[i * Width + j] = float.IsNaN(x) ? filled : shift ? (x - offset) * scale : x * scale;
                }
            }
            for (int c = 0; c < texts.Length; c++)
            {
                var (_, slots, start) = _categorical[c];
                for (int i = 0; i < n; i++)
                {
                    int at = first + block + i;
                    var text = texts[c].TextAt(rows is null ? at : rows[at]) ?? TableDataView.MissingCategory;
                    if (slots.TryGetValue(text, out int slot)) output[i * Width + start + slot] = 1;
                }
            }
        }
    }

    /// <summary>Whether the map gives ML.NET's own <c>Features</c>, bit for bit, on the first rows of a table.</summary>
    public bool Matches(ITransformer featurizer, CsvTable table, ModelSchema schema, int[]? rows, int count)
    {
        count = Math.Min(count, rows?.Length ?? table.RowCount);
        var ours = new float[count * Width];
        Write(table, rows, 0, count, ours);
        var sample = rows is null ? Enumerable.Range(0, count).ToArray() : rows[..count];
        var view = featurizer.Transform(TableDataView.Create(table, schema, labelRequired: false, sample));
        var column = view.Schema[ColumnNames.Features];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        int row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var expected = buffer.DenseValues().ToArray();
            if (!expected.AsSpan().SequenceEqual(ours.AsSpan(row * Width, Width))) return false;
            row++;
        }
        return row == count;
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [transformer];

    /// <summary>The normalised value a missing number becomes: ML.NET's own answer for a row of NaNs.</summary>
    private static float[] FilledValues(MLContext ml, ITransformer featurizer, DataViewSchema rawSchema, int numericCount)
    {
        var columns = rawSchema.Select(c => new ColumnarDataView.Column(c.Name, c.Type,
            c.Type == NumberDataViewType.Single ? ColumnarDataView.Getter(_ => float.NaN)
            : ColumnarDataView.Getter(_ => TableDataView.MissingCategory.AsMemory()), c.Annotations)).ToArray();
        var view = featurizer.Transform(new ColumnarDataView(columns, 1));
        var features = view.Schema[ColumnNames.Features];
        using var cursor = view.GetRowCursor([features]);
        var getter = cursor.GetGetter<VBuffer<float>>(features);
        var buffer = default(VBuffer<float>);
        if (!cursor.MoveNext()) throw new InvalidOperationException("The featurizer returned no row.");
        getter(ref buffer);
        return buffer.DenseValues().Take(numericCount).ToArray();
    }
}
