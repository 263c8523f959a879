using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NNTrainer.ML;

/// <summary>
/// Gives a reloaded model's scoring step the network carried in its text column, decoded once per loaded model,
/// and a <see cref="NetworkScorer"/> per thread, since ML.NET calls one shared mapping function from every cursor
/// and prediction engine.
/// </summary>
/// <remarks>
/// The stock <c>MapValue</c> step hands every row the same in-memory text, so the text's backing string (or array)
/// identifies the model; both caches hold their keys weakly and let go when the loaded model is collected.
/// </remarks>
internal static class PersistedNetworks
{
    private static readonly ConditionalWeakTable<object, Entry> DecodedModels = new();

    [ThreadStatic]
    private static ConditionalWeakTable<Network, NetworkScorer>? t_scorers;

    /// <summary>The scorer of the calling thread for the network in <paramref name="text"/>, and the feature column's name.</summary>
    public static (NetworkScorer Scorer, string FeatureColumnName) Get(ReadOnlyMemory<char> text)
    {
        var decoded = Resolve(text);
        var scorers = t_scorers ??= new ConditionalWeakTable<Network, NetworkScorer>();
        if (!scorers.TryGetValue(decoded.Network, out var scorer))
        {
            scorer = new NetworkScorer(decoded.Network);
            scorers.Add(decoded.Network, scorer);
        }
        return (scorer, decoded.FeatureColumnName);
    }

    private static Decoded Resolve(ReadOnlyMemory<char> text)
    {
        object? owner = null;
        int start = 0;
        if (MemoryMarshal.TryGetString(text, out var s, out start, out _)) owner = s;
        else if (MemoryMarshal.TryGetArray(text, out ArraySegment<char> segment)) (owner, start) = (segment.Array, segment.Offset);
        if (owner is null) return Decode(text);
        // Looked up before any lambda is made: this runs once per scored row, and the hit path should allocate nothing.
        if (!DecodedModels.TryGetValue(owner, out var cached)) cached = Add(owner, text, start);
        // One owner holding two models' texts at different offsets is not something MapValue produces; stay correct anyway.
        return cached.Start == start && cached.Length == text.Length ? cached.Decoded.Value : Decode(text);
    }

    // The table may run the factory on several threads at once and keep one result; the factory only makes the Lazy, so
    // the network (seconds and hundreds of MB for a text model) is decoded once even when Evaluate's cursors start together.
    private static Entry Add(object owner, ReadOnlyMemory<char> text, int start) =>
        DecodedModels.GetValue(owner, _ => new Entry(start, text.Length, new Lazy<Decoded>(() => Decode(text), LazyThreadSafetyMode.ExecutionAndPublication)));

    private static Decoded Decode(ReadOnlyMemory<char> text)
    {
        if (text.IsEmpty)
        {
            // A ModelFormatException like every other sign of a damaged .zip, so callers catch one documented type.
            throw new ModelFormatException("The saved model's network column is empty: the model's MapValue step did not find the network. The .zip is damaged or its steps were reordered.");
        }
        var (network, featureColumnName) = ModelText.Decode(text.Span);
        return new Decoded(network, featureColumnName);
    }

    private sealed record Entry(int Start, int Length, Lazy<Decoded> Decoded);

    private sealed record Decoded(Network Network, string FeatureColumnName);
}
