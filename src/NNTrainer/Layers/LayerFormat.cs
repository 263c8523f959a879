using NNTrainer.Persistence;

namespace NNTrainer.Layers;

/// <summary>Reads one layer's settings and values, written by its <see cref="Layer.Write"/>, after its tag byte.</summary>
/// <param name="reader">The payload, positioned after the tag.</param>
/// <param name="what">How error messages name the layer ("layer 3").</param>
internal delegate Layer LayerReader(ref PayloadReader reader, string what);

/// <summary>
/// How one layer kind appears in the model format: its tag byte, the format version that introduced it, and how it
/// is read back. A layer kind registers itself by declaring a static field of this type in its own file; the
/// serializer finds every such field (<see cref="LayerFormats"/>) and has no list of layers of its own.
/// </summary>
/// <param name="Tag">The byte that starts the layer in a model file; unique among layer kinds.</param>
/// <param name="Name">The kind's name in error messages ("Conv2D").</param>
/// <param name="SinceVersion">The first model-format version that has the kind; a file with it is written with at least that version.</param>
/// <param name="LayerType">The layer class; its instances (not subclasses) are written with this format.</param>
/// <param name="Read">Reads what the layer's <see cref="Layer.Write"/> wrote.</param>
internal sealed record LayerFormat(byte Tag, string Name, int SinceVersion, Type LayerType, LayerReader Read);
