using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.Onnx.Tests;

/// <summary>Raw rows as a user has them: two measurements, a category and a label of each task's kind.</summary>
public sealed class RawRow
{
    public float Length { get; set; }

    public float Width { get; set; }

    public string Colour { get; set; } = "";

    public string Species { get; set; } = "";

    public bool IsLarge { get; set; }

    public float Weight { get; set; }
}

/// <summary>ML.NET pipelines with stock steps before (and for multiclass after) the network, trained on <see cref="RawRow"/>s.</summary>
public static class PipelineData
{
    public static readonly string[] Colours = ["red", "green", "blue", "black"];
    public static readonly string[] Species = ["setosa", "versicolor", "virginica"];

    public static RawRow[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new RawRow[count];
        for (int i = 0; i < count; i++)
        {
            int c = random.Next(3);
            float length = 10f + 5f * c + (float)random.NextDouble() * 6f;
            float width = 2f + c + (float)random.NextDouble() * 3f;
            string colour = Colours[random.Next(Colours.Length)];
            rows[i] = new RawRow
            {
                Length = length,
                Width = width,
                Colour = colour,
                Species = Species[c],
                IsLarge = length * width + (colour == "red" ? 20f : 0f) > 80f,
                Weight = 0.1f * length * width + (colour == "blue" ? 2f : 0f),
            };
        }
        return rows;
    }

    /// <summary>Label mapping, concatenation, normalisation and one-hot encoding, the network (with dropout), and for multiclass MapKeyToValue.</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml, NeuralNetworkTask task, NeuralNetworkActivation activation)
    {
        IEstimator<ITransformer> features = ml.Transforms.Concatenate("Measurements", nameof(RawRow.Length), nameof(RawRow.Width))
            .Append(ml.Transforms.NormalizeMeanVariance("Measurements"))
            .Append(ml.Transforms.Categorical.OneHotEncoding("ColourOneHot", nameof(RawRow.Colour)))
            .Append(ml.Transforms.Concatenate("Features", "Measurements", "ColourOneHot"));
        int[] hidden = [16, 16];
        switch (task)
        {
            case NeuralNetworkTask.MulticlassClassification:
                var multiclass = new NeuralNetworkMulticlassTrainer.Options { HiddenLayers = hidden, Activation = activation, DropoutRate = 0.1f, NumberOfEpochs = 8, LearningRate = 0.01f };
                return ml.Transforms.Conversion.MapValueToKey("Label", nameof(RawRow.Species))
                    .Append(features)
                    .Append(ml.MulticlassClassification.Trainers.NeuralNetwork(multiclass))
                    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
            case NeuralNetworkTask.BinaryClassification:
                var binary = new NeuralNetworkBinaryTrainer.Options { LabelColumnName = nameof(RawRow.IsLarge), HiddenLayers = hidden, Activation = activation, DropoutRate = 0.1f, NumberOfEpochs = 8, LearningRate = 0.01f };
                return features.Append(ml.BinaryClassification.Trainers.NeuralNetwork(binary));
            default:
                var regression = new NeuralNetworkRegressionTrainer.Options { LabelColumnName = nameof(RawRow.Weight), HiddenLayers = hidden, Activation = activation, DropoutRate = 0.1f, NumberOfEpochs = 8, LearningRate = 0.01f };
                return features.Append(ml.Regression.Trainers.NeuralNetwork(regression));
        }
    }

    /// <summary>Each row's values of a column as floats (a scalar column gives one value per row).</summary>
    public static float[][] Floats(IDataView view, string name)
    {
        var column = view.Schema[name];
        var rows = new List<float[]>();
        using var cursor = view.GetRowCursor([column]);
        if (column.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var value = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add(value.DenseValues().ToArray());
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add([value]);
            }
        }
        return rows.ToArray();
    }

    /// <summary>Each row's value of a scalar or one-slot column as text (Boolean, text, or a key's number).</summary>
    public static string[] Texts(IDataView view, string name)
    {
        var column = view.Schema[name];
        var type = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
        var read = typeof(PipelineData).GetMethod(nameof(Read), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.RawType);
        return (string[])read.Invoke(null, [view, column])!;
    }

    private static string[] Read<T>(IDataView view, DataViewSchema.Column column)
    {
        var rows = new List<string>();
        using var cursor = view.GetRowCursor([column]);
        if (column.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<T>>(column);
            var value = default(VBuffer<T>);
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add(string.Join("|", value.DenseValues().Select(v => v?.ToString())));
            }
        }
        else
        {
            var getter = cursor.GetGetter<T>(column);
            T value = default!;
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows.Add(value?.ToString() ?? "");
            }
        }
        return rows.ToArray();
    }
}
