using System.Reflection;

namespace NNTrainer.Layers;

/// <summary>
/// The registry of layer kinds the model format knows: every <see cref="LayerFormat"/> static field declared by a
/// layer class of the engine, found once by reflection. Adding a layer kind is adding that field in the layer's file.
/// </summary>
internal static class LayerFormats
{
    private static readonly Dictionary<Type, LayerFormat> ByType = [];
    private static readonly Dictionary<byte, LayerFormat> ByTag = [];

    static LayerFormats()
    {
        const BindingFlags Declared = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(Layer).Assembly.GetTypes())
        {
            if (!type.IsSubclassOf(typeof(Layer))) continue;
            foreach (var field in type.GetFields(Declared))
            {
                if (field.FieldType != typeof(LayerFormat) || field.GetValue(null) is not LayerFormat format) continue;
                if (format.LayerType != type)
                {
                    throw new InvalidOperationException($"{type.FullName}.{field.Name} registers {format.LayerType.FullName}; a layer registers only itself.");
                }
                if (!ByTag.TryAdd(format.Tag, format))
                {
                    throw new InvalidOperationException($"Layer tag {format.Tag} is claimed by both {ByTag[format.Tag].Name} and {format.Name}.");
                }
                ByType.Add(type, format);
            }
        }
    }

    /// <summary>Every registered kind, by tag.</summary>
    public static IEnumerable<LayerFormat> All => ByTag.Values.OrderBy(f => f.Tag);

    /// <summary>The format of <paramref name="layer"/>'s exact class, or null when the model format does not know it.</summary>
    public static LayerFormat? Of(Layer layer) => ByType.GetValueOrDefault(layer.GetType());

    /// <summary>The kind a tag byte stands for, or null for an unknown tag.</summary>
    public static LayerFormat? Of(byte tag) => ByTag.GetValueOrDefault(tag);
}
