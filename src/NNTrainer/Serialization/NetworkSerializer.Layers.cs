using NNTrainer.Layers;
using NNTrainer.Persistence;

namespace NNTrainer.Serialization;

/// <summary>
/// The layers of the model format: one tag byte per layer, then what the layer writes of itself. Each layer kind
/// registers its tag, format version and reader in its own file (a <see cref="LayerFormat"/> field), so this has
/// no list of layers.
/// </summary>
internal static partial class NetworkSerializer
{
    /// <summary>The format version a network needs: the newest of its layers' (1 for dense-only networks, written as always).</summary>
    private static int VersionFor(ModelContents network)
    {
        int version = 1;
        foreach (var layer in network.Layers) version = Math.Max(version, FormatOf(layer).SinceVersion);
        return version;
    }

    private static LayerFormat FormatOf(Layer layer) => LayerFormats.Of(layer)
        ?? throw new NotSupportedException($"{layer.GetType().FullName} cannot be saved: the model format knows the layers and activations of NNTrainer only.");

    private static void WriteLayer(PayloadWriter w, Layer layer)
    {
        w.Write(FormatOf(layer).Tag);
        layer.Write(w);
    }

    private static Layer ReadLayer(ref PayloadReader r, int index, int version)
    {
        int at = r.Position;
        byte tag = r.ReadByte($"the type of layer {index}");
        var format = LayerFormats.Of(tag) ?? throw new ModelFormatException($"Model payload byte {at}: layer {index} has unknown type {tag}.");
        if (format.SinceVersion > version)
        {
            throw new ModelFormatException($"Model payload byte {at}: layer {index} is a {format.Name} layer, which format version {version} does not have (it came with version {format.SinceVersion}).");
        }
        return format.Read(ref r, $"layer {index}");
    }
}
