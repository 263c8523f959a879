using NNTrainer.Persistence;
using NNTrainer.Serialization;
using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// What the persistence of every layer kind shares: parameters with their optimizer state, and image shapes. Layers
/// added in format version 2 write and read themselves with these (each in its own file, beside its arithmetic);
/// <see cref="NetworkSerializer"/> only dispatches on the tag.
/// </summary>
internal static class LayerPersistence
{
    /// <summary>Largest width, channel count or side a model file may declare.</summary>
    public const int MaxWidth = 1 << 24;

    public static void WriteParameter(PayloadWriter w, Parameter p)
    {
        w.Write(p.Values);
        w.Write(p.Momentums is not null);
        if (p.Momentums is not null) w.Write(p.Momentums);
        w.Write(p.Cache is not null);
        if (p.Cache is not null) w.Write(p.Cache);
    }

    public static void ReadParameter(ref PayloadReader r, Parameter p, string what)
    {
        r.ReadFinite(p.Values, what);
        if (r.ReadBool($"the momentum flag of {what}")) r.ReadFinite(p.EnsureMomentums(), $"the momentums of {what}");
        if (r.ReadBool($"the cache flag of {what}"))
        {
            var cache = p.EnsureCache();
            r.ReadFinite(cache, $"the cache of {what}");
            foreach (float c in cache)
            {
                if (c < 0f) throw new ModelFormatException($"The cache of {what} holds {c}; squared-gradient caches are never negative.");
            }
        }
    }

    public static void WriteShape(PayloadWriter w, ImageShape shape)
    {
        w.Write(shape.Channels);
        w.Write(shape.Height);
        w.Write(shape.Width);
    }

    /// <summary>Reads a C×H×W shape whose values per sample fit the format's limits.</summary>
    public static ImageShape ReadShape(ref PayloadReader r, string what)
    {
        int at = r.Position;
        var shape = new ImageShape(
            r.ReadCount($"the channels of {what}", 1, MaxWidth, 0),
            r.ReadCount($"the height of {what}", 1, MaxWidth, 0),
            r.ReadCount($"the width of {what}", 1, MaxWidth, 0));
        if ((long)shape.Channels * shape.Height * shape.Width > MaxWidth)
        {
            throw new ModelFormatException($"Model payload byte {at}: {what} is {shape.Channels}×{shape.Height}×{shape.Width}, more than {MaxWidth} values per sample.");
        }
        return shape;
    }

    /// <summary>Throws unless <paramref name="values"/> floats (each layer stores at least its values) can still follow.</summary>
    public static void RequireBytes(ref PayloadReader r, long values, int at, string what)
    {
        if (values * 4 > r.Remaining)
        {
            throw new ModelFormatException($"Model payload byte {at}: {what} declares {values} values, more than the {r.Remaining} bytes that remain.");
        }
    }
}
