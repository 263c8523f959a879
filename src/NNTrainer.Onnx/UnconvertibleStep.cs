using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.Onnx;

/// <summary>
/// Names the first step of a chain that ML.NET's ONNX exporter cannot convert, for the error message: ML.NET's own
/// exceptions say what went wrong inside the exporter ("The given key 'Text_TextNormalizer' was not present in the
/// dictionary") but not which of the user's steps caused it.
/// </summary>
internal static class UnconvertibleStep
{
    private const int Opset = 12;

    /// <summary>
    /// <c>": step N (TypeName) is the first it cannot convert"</c> for the shortest prefix of <paramref name="steps"/>
    /// that ML.NET fails to convert, or an empty string when every prefix converts (the failure then comes from the
    /// whole chain).
    /// </summary>
    public static string Describe(ModelOperationsCatalog catalog, IReadOnlyList<ITransformer> steps, IDataView data)
    {
        for (int count = 1; count <= steps.Count; count++)
        {
            if (Converts(catalog, steps.Take(count).ToArray(), data)) continue;
            var step = steps[count - 1];
            return $" (step {count} of {steps.Count}, {FriendlyName(step.GetType())}, is the first it cannot convert)";
        }
        return string.Empty;
    }

    private static bool Converts(ModelOperationsCatalog catalog, ITransformer[] prefix, IDataView data)
    {
        using var stream = new MemoryStream();
        try
        {
            catalog.ConvertToOnnx(new TransformerChain<ITransformer>(prefix), data, Opset, stream);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>
    /// A type's name as C# writes it: generic arguments instead of the arity suffix
    /// (<c>CustomMappingTransformer&lt;In, Out&gt;</c>), and a nested type after its declaring type, because ML.NET
    /// names some transformers just <c>Transformer</c> inside their estimator (<c>TextFeaturizingEstimator.Transformer</c>).
    /// </summary>
    private static string FriendlyName(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = $"{name[..tick]}<{string.Join(", ", type.GetGenericArguments().Select(FriendlyName))}>";
        return type.IsNested && !type.IsGenericParameter ? $"{FriendlyName(type.DeclaringType!)}.{name}" : name;
    }
}
