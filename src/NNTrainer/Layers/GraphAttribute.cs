namespace NNTrainer;

/// <summary>One attribute of an <see cref="IInferenceGraph"/> node: an integer, a list of integers or a float.</summary>
public sealed class GraphAttribute
{
    private GraphAttribute(string name, GraphAttributeKind kind, long integer, long[] integers, float single)
    {
        Name = name;
        Kind = kind;
        Int = integer;
        Ints = integers;
        Float = single;
    }

    /// <summary>The attribute's name, e.g. <c>"axis"</c>.</summary>
    public string Name { get; }

    /// <summary>Which of <see cref="Int"/>, <see cref="Ints"/> and <see cref="Float"/> holds the value.</summary>
    public GraphAttributeKind Kind { get; }

    /// <summary>The value of an <see cref="GraphAttributeKind.Int"/> attribute.</summary>
    public long Int { get; }

    /// <summary>The values of an <see cref="GraphAttributeKind.Ints"/> attribute (empty otherwise).</summary>
    public IReadOnlyList<long> Ints { get; }

    /// <summary>The value of a <see cref="GraphAttributeKind.Float"/> attribute.</summary>
    public float Float { get; }

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
