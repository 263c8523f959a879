using Microsoft.ML.Transforms;

namespace NNTrainer.Cli.Models;

/// <summary>
/// The stock ML.NET transforms that turn CSV columns into the <c>Label</c> and <c>Features</c> columns every trainer
/// reads: numeric columns get missing values replaced by the training mean and are standardised (mean 0, variance 1);
/// text columns are one-hot encoded (over the categories given, when given: the others share an all-zero "other"),
/// free-text columns counted as words and letter trigrams (<c>FeaturizeText</c>);
/// the label becomes a key (multiclass), a Boolean (binary) or stays a number.
/// </summary>
internal static class FeaturePipeline
{
    private sealed class ClassRow
    {
        public string Value { get; set; } = "";
    }

    /// <param name="ml">The context.</param>
    /// <param name="schema">The columns and task.</param>
    /// <param name="categories">Per categorical column, the categories that get a one-hot slot, in slot order; without
    /// an entry a column's categories are learned from the rows it is fitted on.</param>
    public static IEstimator<ITransformer> Create(MLContext ml, ModelSchema schema, IReadOnlyDictionary<string, string[]>? categories = null)
    {
        var pipeline = LabelEstimator(ml, schema);
        var parts = new List<string>();
        var numeric = schema.Features.Where(f => f.Kind == ColumnKind.Numeric).Select(f => f.Name).ToArray();
        if (numeric.Length > 0)
        {
            pipeline = pipeline
                .Append(ml.Transforms.Concatenate(ColumnNames.Numeric, numeric))
                .Append(ml.Transforms.ReplaceMissingValues(ColumnNames.Numeric, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))
                .Append(ml.Transforms.NormalizeMeanVariance(ColumnNames.Numeric));
            parts.Add(ColumnNames.Numeric);
        }
        foreach (var feature in schema.Features.Where(f => f.Kind == ColumnKind.Categorical))
        {
            var output = ColumnNames.CategoricalPrefix + feature.Name;
            // Given categories are the key data: fitting then reads no rows, and the slot order does not depend on row order.
            var keyData = categories is not null && categories.TryGetValue(feature.Name, out var known)
                ? ml.Data.LoadFromEnumerable(known.Select(c => new ClassRow { Value = c }))
                : null;
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(output, feature.Name, keyData: keyData));
            parts.Add(output);
        }
        foreach (var feature in schema.Features.Where(f => f.Kind == ColumnKind.Text))
        {
            // ML.NET's defaults, as its own samples and the catalog's text path measure them: word counts and letter
            // trigrams, normalised per row; the columns stay sparse for the network's sparse first layer.
            var output = ColumnNames.TextPrefix + feature.Name;
            pipeline = pipeline.Append(ml.Transforms.Text.FeaturizeText(output, feature.Name));
            parts.Add(output);
        }
        return pipeline.Append(ml.Transforms.Concatenate(ColumnNames.Features, parts.ToArray()));
    }

    /// <summary>
    /// Fits the pipeline of <see cref="Create"/> on table rows without ML.NET reading them: the statistics of the
    /// numeric columns come from one tight pass over the typed columns (<see cref="NumericStatistics"/>, ML.NET's
    /// arithmetic to the last bit), and the stock transforms are fitted on tiny views that carry those statistics — the
    /// missing-value replacement on one row of the means, the normaliser on two rows ±√(variance + mean²) per column,
    /// whose own statistics give the same float scale. The other steps read no rows (the categories and classes are
    /// given). The result is the same transformer chain, parameter for parameter, as <c>Create(...).Fit(raw)</c>;
    /// null when a column's statistics cannot be carried that way (an infinite or vanishing root mean square).
    /// </summary>
    /// <param name="ml">The context.</param>
    /// <param name="schema">The columns and task.</param>
    /// <param name="categories">Per categorical column, its categories in slot order (every categorical column needs one).</param>
    /// <param name="table">The rows.</param>
    /// <param name="rows">The rows to fit on, ascending; all rows when null.</param>
    /// <param name="raw">The raw view of those rows (<see cref="TableDataView.Create"/>): its schema is the fitted chain's input.</param>
    public static ITransformer? Fit(MLContext ml, ModelSchema schema, IReadOnlyDictionary<string, string[]> categories, CsvTable table, int[]? rows, IDataView raw)
    {
        // A text column's dictionary of words is learned from the rows themselves: ML.NET fits it (Create).
        if (schema.FeatureCount(ColumnKind.Text) > 0) return null;
        var numeric = schema.Features.Where(f => f.Kind == ColumnKind.Numeric).Select(f => f.Name).ToArray();
        // Create appends to an IEstimator<ITransformer>, which nests (the chain so far becomes one step of a new chain),
        // except that the numeric steps are appended to the chain the first of them starts, which stays flat. The same
        // shape here gives the same saved model.
        ITransformer? fitted = null;
        var flat = new List<ITransformer>();
        IDataView current = raw;
        void Add(ITransformer step, bool flatten = false)
        {
            if (flatten) flat.Add(step);
            fitted = flatten ? new TransformerChain<ITransformer>(flat.ToArray())
                : fitted is null ? step : new TransformerChain<ITransformer>(fitted, step);
            current = step.Transform(current);
        }
        IDataView Through(IDataView view) => fitted!.Transform(view);
        var label = LabelEstimator(ml, schema).Fit(current);
        Add(label);
        flat.Add(label);
        var parts = new List<string>();
        if (numeric.Length > 0)
        {
            var statistics = NumericStatistics.Compute(numeric.Select(n => table.Require(n, "a feature").Numbers!).ToArray(), rows);
            var rms = statistics.RootMeanSquare;
            if (rms.Any(r => r != 0 && !float.IsNormal(r))) return null;
            Add(ml.Transforms.Concatenate(ColumnNames.Numeric, numeric).Fit(current), flatten: true);
            var means = SyntheticRows(raw.Schema, numeric, [statistics.Fill]);
            Add(ml.Transforms.ReplaceMissingValues(ColumnNames.Numeric, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean).Fit(Through(means)), flatten: true);
            // Two rows f and −f: mean 0 and population variance f², exactly, so ML.NET's scale is 1 / f as on the real rows.
            var spread = SyntheticRows(raw.Schema, numeric, [rms, rms.Select(r => -r).ToArray()]);
            Add(ml.Transforms.NormalizeMeanVariance(ColumnNames.Numeric).Fit(Through(spread)), flatten: true);
            parts.Add(ColumnNames.Numeric);
        }
        foreach (var feature in schema.Features.Where(f => f.Kind == ColumnKind.Categorical))
        {
            var output = ColumnNames.CategoricalPrefix + feature.Name;
            var keyData = ml.Data.LoadFromEnumerable(categories[feature.Name].Select(c => new ClassRow { Value = c }));
            Add(ml.Transforms.Categorical.OneHotEncoding(output, feature.Name, keyData: keyData).Fit(current));
            parts.Add(output);
        }
        Add(ml.Transforms.Concatenate(ColumnNames.Features, parts.ToArray()).Fit(current));
        return fitted;
    }

    /// <summary>Rows of the raw schema whose numeric features hold the given values; every other column is missing.</summary>
    private static ColumnarDataView SyntheticRows(DataViewSchema rawSchema, string[] numeric, float[][] values)
    {
        var slot = numeric.Select((name, j) => (name, j)).ToDictionary(p => p.name, p => p.j, StringComparer.Ordinal);
        var columns = rawSchema.Select(c => new ColumnarDataView.Column(c.Name, c.Type,
            c.Type == NumberDataViewType.Single
                ? ColumnarDataView.Getter(r => slot.TryGetValue(c.Name, out int j) ? values[r][j] : float.NaN)
                : ColumnarDataView.Getter(_ => TableDataView.MissingCategory.AsMemory()), c.Annotations)).ToArray();
        return new ColumnarDataView(columns, values.Length);
    }

    private static IEstimator<ITransformer> LabelEstimator(MLContext ml, ModelSchema schema)
    {
        switch (schema.Task)
        {
            case TaskKind.Multiclass:
                // The classes come from the whole file, in a fixed order, so a class missing from the training
                // split still has its key and keys do not depend on row order.
                var classes = ml.Data.LoadFromEnumerable(schema.Classes.Select(c => new ClassRow { Value = c }));
                return ml.Transforms.Conversion.MapValueToKey(ColumnNames.Label, schema.LabelColumn, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence, keyData: classes);
            case TaskKind.Binary:
                var pairs = new[]
                {
                    new KeyValuePair<string, bool>(schema.Classes[0], false),
                    new KeyValuePair<string, bool>(schema.Classes[1], true),
                };
                return ml.Transforms.Conversion.MapValue(ColumnNames.Label, pairs, schema.LabelColumn);
            default:
                return ml.Transforms.CopyColumns(ColumnNames.Label, schema.LabelColumn);
        }
    }
}
