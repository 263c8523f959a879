namespace NNTrainer.ML;

/// <summary>
/// A trained multiclass neural network. Adds <c>Score</c>, a vector of <see cref="ClassCount"/> class
/// probabilities (softmax outputs) with the class names as slot names, and <c>PredictedLabel</c>, the most
/// probable class as a key of the label's type, carrying the label's key values so that
/// <c>MapKeyToValue("PredictedLabel")</c> turns it back into the original value.
/// </summary>
public sealed class NeuralNetworkMulticlassTransformer : NeuralNetworkTransformer
{
    private readonly LabelKeyValues? _keyValues;

    internal NeuralNetworkMulticlassTransformer(Network network, TrainingHistory history, string featureColumnName, int classCount, LabelKeyValues? keyValues)
        : base(network, history, featureColumnName)
    {
        ClassCount = classCount;
        _keyValues = keyValues;
        var scoreType = new VectorDataViewType(NumberDataViewType.Single, classCount);
        OutputColumns =
        [
            // PredictedLabel first, Score second: the order of ML.NET's own multiclass scorer, which a saved model ends with.
            ScoreColumns.Create(AnnotationKinds.PredictedLabel, new KeyDataViewType(typeof(uint), classCount), AnnotationKinds.MulticlassClassification, AnnotationKinds.PredictedLabel,
                builder => keyValues?.AddTo(builder, AnnotationKinds.KeyValues)),
            ScoreColumns.Create(AnnotationKinds.Score, scoreType, AnnotationKinds.MulticlassClassification, AnnotationKinds.Score, builder =>
            {
                if (keyValues?.ItemType is TextDataViewType) keyValues.AddTo(builder, AnnotationKinds.SlotNames);
            }),
        ];
    }

    /// <summary>The number of classes: the key count of the training label, and the length of <c>Score</c>.</summary>
    public int ClassCount { get; }

    /// <summary>The label's key values as text, by class (slot of <c>Score</c>), or null when the training label had none.</summary>
    public IReadOnlyList<string>? ClassNames => _keyValues?.Names;

    internal override DataViewSchema.DetachedColumn[] OutputColumns { get; }

    internal override NeuralNetworkTask Task => NeuralNetworkTask.MulticlassClassification;

    internal override LabelKeyValues? KeyValues => _keyValues;

    internal override Delegate CreateGetter(int output, IRowScores scorer) => output switch
    {
        1 => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> destination) =>
        {
            var scores = scorer.Outputs;
            var editor = VBufferEditor.Create(ref destination, scores.Length);
            scores.CopyTo(editor.Values);
            destination = editor.Commit();
        }),
        0 => (ValueGetter<uint>)((ref uint destination) => destination = NetworkScorer.ArgMax(scorer.Outputs) + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    internal override IEnumerable<ITransformer> CreatePersistedScoring(MLContext context, IDataView input)
    {
        int padding = MulticlassPadding.SizeFor(ClassCount);
        var scoring = MulticlassPadding.CreateMapping(context, padding).Fit(input);
        yield return scoring;
        var scored = scoring.Transform(input);

        var firstSlots = new float[padding];
        Array.Fill(firstSlots, 1f, 0, ClassCount);
        var select = context.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(AnnotationKinds.Score, PersistedColumns.PaddedScore, count: 1)
            .Fit(PaddedRow.CreateView(context, firstSlots));
        yield return select;

        var lookup = ClassLookup.CreateView(context, ClassCount, _keyValues);
        yield return context.Transforms.Conversion.MapValue(AnnotationKinds.PredictedLabel, lookup, lookup.Schema[nameof(ClassLookup.Index)],
            lookup.Schema[nameof(ClassLookup.Class)], PersistedColumns.PredictedIndex).Fit(select.Transform(scored));
    }

    /// <summary>A one-row view whose padded score is non-zero exactly in the class slots: what the slot selection keeps.</summary>
    private sealed class PaddedRow
    {
        public float[] Scores = [];

        public static IDataView CreateView(MLContext context, float[] scores)
        {
            var definition = SchemaDefinition.Create(typeof(PaddedRow));
            definition[0].ColumnName = PersistedColumns.PaddedScore;
            definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, scores.Length);
            return context.Data.LoadFromEnumerable([new PaddedRow { Scores = scores }], definition);
        }
    }

    /// <summary>The table from class index to <c>PredictedLabel</c> key, which carries the label's key values.</summary>
    private sealed class ClassLookup
    {
        public uint Index;
        public uint Class;

        public static IDataView CreateView(MLContext context, int classCount, LabelKeyValues? keyValues)
        {
            var definition = SchemaDefinition.Create(typeof(ClassLookup));
            var classColumn = definition[nameof(Class)];
            classColumn.ColumnType = new KeyDataViewType(typeof(uint), classCount);
            keyValues?.AddTo(classColumn, AnnotationKinds.KeyValues);
            // LoadFromEnumerable takes a key field as a 0-based index (it stores index + 1, 0 being the missing key).
            var rows = Enumerable.Range(0, classCount).Select(i => new ClassLookup { Index = (uint)i, Class = (uint)i });
            return context.Data.LoadFromEnumerable(rows, definition);
        }
    }
}
