using System.Runtime.ExceptionServices;

namespace NNTrainer.ML;

/// <summary>Which row of the current block a blocked cursor is on; checks that it is on one.</summary>
internal interface IBlockPosition
{
    /// <summary>The block slot of the cursor's current row.</summary>
    /// <exception cref="InvalidOperationException">The cursor is not on a row.</exception>
    int CurrentSlot { get; }
}

/// <summary>
/// One passed-through input column of a blocked cursor: the values of the rows read ahead into the current block,
/// so its getter can hand out the value of the row the cursor is on while the input cursor is already further on.
/// An error the input's getter raised for a row is kept and raised again when that row's value is read, as it
/// would have been without blocking.
/// </summary>
internal abstract class ColumnBlock
{
    private ExceptionDispatchInfo?[]? _errors;

    /// <summary>The getter that reads the current row's value: a <see cref="ValueGetter{TValue}"/> of the column's type.</summary>
    public abstract Delegate Getter { get; }

    /// <summary>Creates the block for <paramref name="column"/> of <paramref name="input"/>.</summary>
    public static ColumnBlock Create(DataViewRowCursor input, DataViewSchema.Column column, IBlockPosition position)
    {
        var type = column.Type is VectorDataViewType vector
            ? typeof(VectorColumnBlock<>).MakeGenericType(vector.ItemType.RawType)
            : typeof(ValueColumnBlock<>).MakeGenericType(column.Type.RawType);
        return (ColumnBlock)Activator.CreateInstance(type, input, column, position)!;
    }

    /// <summary>Reads the input's current row into block slot <paramref name="slot"/>.</summary>
    public void Fill(int slot)
    {
        try
        {
            Read(slot);
            if (_errors is not null) _errors[slot] = null;
        }
        catch (Exception e)
        {
            (_errors ??= new ExceptionDispatchInfo?[BlockScorer.MaxRows])[slot] = ExceptionDispatchInfo.Capture(e);
        }
    }

    /// <summary>Raises the error reading slot <paramref name="slot"/> met, if any.</summary>
    protected void ThrowIfFailed(int slot) => _errors?[slot]?.Throw();

    /// <summary>Reads the input's current row into slot <paramref name="slot"/>.</summary>
    protected abstract void Read(int slot);
}

/// <summary>A column of a scalar type (numbers, keys, text, booleans, ...): values are kept as the input gave them.</summary>
/// <remarks>Text is kept by reference: ML.NET's <c>ReadOnlyMemory&lt;char&gt;</c> values are immutable, as its own cache assumes.</remarks>
internal sealed class ValueColumnBlock<T> : ColumnBlock
{
    private readonly ValueGetter<T> _getter;
    private readonly IBlockPosition _position;
    private readonly T[] _values = new T[BlockScorer.MaxRows];

    public ValueColumnBlock(DataViewRowCursor input, DataViewSchema.Column column, IBlockPosition position)
    {
        _getter = input.GetGetter<T>(column);
        _position = position;
        Getter = (ValueGetter<T>)Get;
    }

    public override Delegate Getter { get; }

    protected override void Read(int slot) => _getter(ref _values[slot]);

    private void Get(ref T value)
    {
        int slot = _position.CurrentSlot;
        ThrowIfFailed(slot);
        value = _values[slot];
    }
}

/// <summary>
/// A vector column: each row's vector is copied into a buffer of its slot, since an input may reuse its buffers when
/// it moves on, and copied out again into the reader's buffer, as ML.NET's getter contract expects.
/// </summary>
internal sealed class VectorColumnBlock<T> : ColumnBlock
{
    private readonly ValueGetter<VBuffer<T>> _getter;
    private readonly IBlockPosition _position;
    private readonly VBuffer<T>[] _values = new VBuffer<T>[BlockScorer.MaxRows];
    private VBuffer<T> _read;

    public VectorColumnBlock(DataViewRowCursor input, DataViewSchema.Column column, IBlockPosition position)
    {
        _getter = input.GetGetter<VBuffer<T>>(column);
        _position = position;
        Getter = (ValueGetter<VBuffer<T>>)Get;
    }

    public override Delegate Getter { get; }

    /// <summary>The vector kept for slot <paramref name="slot"/> (the feature column's, for scoring without reading it twice).</summary>
    public ref readonly VBuffer<T> Value(int slot)
    {
        ThrowIfFailed(slot);
        return ref _values[slot];
    }

    protected override void Read(int slot)
    {
        _getter(ref _read);
        _read.CopyTo(ref _values[slot]);
    }

    private void Get(ref VBuffer<T> value)
    {
        int slot = _position.CurrentSlot;
        ThrowIfFailed(slot);
        _values[slot].CopyTo(ref value);
    }
}
