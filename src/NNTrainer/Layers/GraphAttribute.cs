namespace NNTrainer.Layers;

/// <summary>One attribute of an <see cref="IInferenceGraph"/> node: an integer, a list of integers or a float.</summary>
/// <param name="Name">The attribute's name, e.g. <c>"axis"</c>.</param>
/// <param name="Kind">Which of <paramref name="Int"/>, <paramref name="Ints"/> and <paramref name="Float"/> holds the value.</param>
/// <param name="Int">The value of an <see cref="GraphAttributeKind.Int"/> attribute.</param>
/// <param name="Ints">The values of an <see cref="GraphAttributeKind.Ints"/> attribute (empty otherwise).</param>
/// <param name="Float">The value of a <see cref="GraphAttributeKind.Float"/> attribute.</param>
public sealed record GraphAttribute(string Name, GraphAttributeKind Kind, long Int, IReadOnlyList<long> Ints, float Float)
{
    /// <summary>An integer attribute.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="value">Its value.</param>
    public static GraphAttribute Integer(string name, long value) => new(name, GraphAttributeKind.Int, value, [], 0f);

    /// <summary>A list-of-integers attribute.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="values">Its values.</param>
    public static GraphAttribute Integers(string name, params long[] values) => new(name, GraphAttributeKind.Ints, 0, values, 0f);

    /// <summary>A float attribute.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="value">Its value.</param>
    public static GraphAttribute Single(string name, float value) => new(name, GraphAttributeKind.Float, 0, [], value);
}

/// <summary>The type of a <see cref="GraphAttribute"/>.</summary>
public enum GraphAttributeKind
{
    /// <summary>One 64-bit integer.</summary>
    Int,

    /// <summary>A list of 64-bit integers.</summary>
    Ints,

    /// <summary>One float32.</summary>
    Float,
}
