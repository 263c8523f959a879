using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Models;

/// <summary>
/// The stock ML.NET transforms that turn CSV columns into the <c>Label</c> and <c>Features</c> columns every trainer
/// reads: numeric columns get missing values replaced by the training mean and are standardised (mean 0, variance 1);
/// text columns are one-hot encoded (over the categories given, when given: the others share an all-zero "other");
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
        return pipeline.Append(ml.Transforms.Concatenate(ColumnNames.Features, parts.ToArray()));
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
