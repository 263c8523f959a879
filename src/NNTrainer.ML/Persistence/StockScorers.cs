using System.Reflection;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace NNTrainer.ML;

/// <summary>
/// ML.NET's own scorers (the prediction transformers its trainers return) over an identity linear model: they copy a
/// raw score column into <c>Score</c> (and for binary add <c>Probability</c> and <c>PredictedLabel</c>, for
/// multiclass <c>PredictedLabel</c>) and put on them exactly the annotations stock trainers put (<c>ScoreColumnKind</c>,
/// <c>ScoreValueKind</c>, <c>ScoreColumnSetId</c>, the class names as <c>SlotNames</c>, the label's <c>KeyValues</c>…).
/// A saved model ends with one, so <c>mlContext.Model.Load</c> restores every annotation with no code of ours; the live
/// transformer copies the annotations from the same scorer, so both schemas are the same.
/// </summary>
/// <remarks>
/// The arithmetic is exact: the weights are 1 on the raw slot of each output and 0 elsewhere, the bias 0, so a score is
/// <c>0 + 1·x</c>, which is <c>x</c> bit for bit; the binary probability is ML.NET's Platt formula with slope −1 and
/// offset 0, the sigmoid in double precision, which the live transformer uses too (<see cref="BinaryDecision.Probability"/>).
/// The constructors of these stock types are internal to ML.NET, so they are called by reflection, at save time and
/// when a transformer first binds a schema; loading needs none. If a future ML.NET changes them, <see cref="Create"/>
/// returns null and models are saved the older way (scores still bit-identical, annotations not restored).
/// </remarks>
internal static class StockScorers
{
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>The column of raw scores the stock scorer reads.</summary>
    public const string RawScore = PersistedColumns.Prefix + "RawScore";

    /// <summary>The label column of the schema the multiclass scorer takes its class names from.</summary>
    public const string Label = PersistedColumns.Prefix + "Label";

    /// <summary>
    /// The fitted stock scorer for a task, reading a <see cref="RawScore"/> vector of <paramref name="rawSize"/> floats, or
    /// null when this ML.NET's internals are not the ones it was written for.
    /// </summary>
    public static ITransformer? Create(NeuralNetworkTask task, int rawSize, int classCount, LabelKeyValues? keyValues)
    {
        try
        {
            var environment = (IHostEnvironment)new MLContext(seed: 0);
            var trainSchema = TrainSchema(rawSize, task == NeuralNetworkTask.MulticlassClassification ? classCount : 0, keyValues);
            return task switch
            {
                NeuralNetworkTask.Regression => (ITransformer)New(typeof(RegressionPredictionTransformer<LinearRegressionModelParameters>),
                    environment, New(typeof(LinearRegressionModelParameters), environment, Unit(rawSize, 0), 0f), trainSchema, RawScore),
                NeuralNetworkTask.BinaryClassification => Binary(environment, trainSchema, rawSize),
                _ => (ITransformer)New(typeof(MulticlassPredictionTransformer<LinearMulticlassModelParameters>), environment,
                    New(typeof(LinearMulticlassModelParameters), environment, Enumerable.Range(0, classCount).Select(i => Unit(rawSize, i)).ToArray(), new float[classCount], classCount, rawSize, null, null),
                    trainSchema, RawScore, Label, AnnotationKinds.Score, AnnotationKinds.PredictedLabel),
            };
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or TypeLoadException or InvalidCastException or ArgumentException)
        {
            return null;
        }
    }

    private static ITransformer Binary(IHostEnvironment environment, DataViewSchema trainSchema, int rawSize)
    {
        var linear = New(typeof(LinearBinaryModelParameters), environment, Unit(rawSize, 0), 0f, null);
        var platt = New(typeof(PlattCalibrator), environment, -1.0, 0.0);
        var calibrated = typeof(PlattCalibrator).Assembly.GetType("Microsoft.ML.Calibrators.ParameterMixingCalibratedModelParameters`2", throwOnError: true)!
            .MakeGenericType(typeof(LinearBinaryModelParameters), typeof(PlattCalibrator));
        var transformer = typeof(BinaryPredictionTransformer<>).MakeGenericType(typeof(CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>));
        return (ITransformer)New(transformer, environment, New(calibrated, environment, linear, platt), trainSchema, RawScore, 0f, AnnotationKinds.Score);
    }

    /// <summary>A vector of <paramref name="size"/> slots, 1 at <paramref name="slot"/> and 0 elsewhere (stored sparse).</summary>
    private static VBuffer<float> Unit(int size, int slot) => new(size, 1, [1f], [slot]);

    private static DataViewSchema TrainSchema(int rawSize, int classCount, LabelKeyValues? keyValues)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(RawScore, new VectorDataViewType(NumberDataViewType.Single, rawSize));
        if (classCount > 0)
        {
            var annotations = new DataViewSchema.Annotations.Builder();
            keyValues?.AddTo(annotations, AnnotationKinds.KeyValues);
            builder.AddColumn(Label, new KeyDataViewType(typeof(uint), classCount), annotations.ToAnnotations());
        }
        return builder.ToSchema();
    }

    /// <summary>Calls the one constructor of <paramref name="type"/> whose parameters take <paramref name="arguments"/> (by value or by reference).</summary>
    private static object New(Type type, params object?[] arguments)
    {
        foreach (var constructor in type.GetConstructors(Any))
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length == arguments.Length && parameters.Select((p, i) => Accepts(p.ParameterType, arguments[i])).All(a => a))
            {
                return constructor.Invoke(arguments);
            }
        }
        throw new MissingMethodException(type.FullName, ".ctor");
    }

    private static bool Accepts(Type parameter, object? argument)
    {
        var type = parameter.IsByRef ? parameter.GetElementType()! : parameter;
        return argument is null ? !type.IsValueType : type.IsInstanceOfType(argument);
    }
}
