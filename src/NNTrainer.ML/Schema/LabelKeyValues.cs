using System.Globalization;
using System.Reflection;

namespace NNTrainer.ML;

/// <summary>
/// A copy of the training label's <c>KeyValues</c> annotation (the original value of each class), kept by the
/// multiclass transformer so that its <c>PredictedLabel</c> can be mapped back with <c>MapKeyToValue</c>, and
/// its <c>Score</c> slots carry the class names. Copied, so the trained model does not hold on to the training data.
/// </summary>
internal abstract class LabelKeyValues
{
    private static readonly MethodInfo CopyMethod = typeof(LabelKeyValues).GetMethod(nameof(Copy), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The type of one value.</summary>
    public abstract PrimitiveDataViewType ItemType { get; }

    /// <summary>The values as text, by class index.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>The annotation's type: a vector of <see cref="ItemType"/>, one per class.</summary>
    public VectorDataViewType Type => new(ItemType, Names.Count);

    /// <summary>Adds the values as annotation <paramref name="kind"/> of a column being built.</summary>
    public abstract void AddTo(DataViewSchema.Annotations.Builder builder, string kind);

    /// <summary>Adds the values as annotation <paramref name="kind"/> of a column of a <see cref="SchemaDefinition"/>.</summary>
    public abstract void AddTo(SchemaDefinition.Column column, string kind);

    /// <summary>Copies the <c>KeyValues</c> of a key column with <paramref name="classCount"/> values, or returns null when it has none of that size.</summary>
    public static LabelKeyValues? From(DataViewSchema.Column label, int classCount)
    {
        var annotation = label.Annotations.Schema.GetColumnOrNull(AnnotationKinds.KeyValues);
        if (annotation is not { Type: VectorDataViewType { ItemType: PrimitiveDataViewType itemType } vector } || vector.Size != classCount)
        {
            return null;
        }
        return (LabelKeyValues)CopyMethod.MakeGenericMethod(itemType.RawType).Invoke(null, [label.Annotations, itemType])!;
    }

    private static LabelKeyValues Copy<T>(DataViewSchema.Annotations annotations, PrimitiveDataViewType itemType)
    {
        var buffer = default(VBuffer<T>);
        annotations.GetValue(AnnotationKinds.KeyValues, ref buffer);
        // CopyTo rather than DenseValues().ToArray(): the iterator and LINQ's array builder are generic over the
        // item type (ReadOnlyMemory<char> for text labels), so ReadyToRun has none of them precompiled, and every
        // first fit of a process JIT-compiled about 20 more methods than this copy needs (docs/first-fit.md).
        var values = new T[buffer.Length];
        buffer.CopyTo(values);
        return new Values<T>(itemType, values);
    }

    private sealed class Values<T> : LabelKeyValues
    {
        private readonly T[] _values;

        public Values(PrimitiveDataViewType itemType, T[] values)
        {
            ItemType = itemType;
            _values = values;
            var names = new string[values.Length];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = values[i] switch
                {
                    ReadOnlyMemory<char> text => text.ToString(),
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    var v => v?.ToString() ?? string.Empty,
                };
            }
            Names = names;
        }

        public override PrimitiveDataViewType ItemType { get; }

        public override IReadOnlyList<string> Names { get; }

        public override void AddTo(DataViewSchema.Annotations.Builder builder, string kind) =>
            builder.Add(kind, Type, (ref VBuffer<T> value) => value = new VBuffer<T>(_values.Length, (T[])_values.Clone()));

        public override void AddTo(SchemaDefinition.Column column, string kind) =>
            column.AddAnnotation(kind, new VBuffer<T>(_values.Length, (T[])_values.Clone()), Type);
    }
}
