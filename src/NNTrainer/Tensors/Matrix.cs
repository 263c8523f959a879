namespace NNTrainer.Tensors;

/// <summary>
/// A row-major matrix of <see cref="float"/> values over one contiguous buffer: a batch of
/// <see cref="Rows"/> samples with <see cref="Columns"/> values each.
/// </summary>
/// <remarks>
/// The buffer can hold more rows than the matrix currently uses (<see cref="RowCapacity"/>), so that the
/// last, smaller batch of an epoch reuses the buffers of the full-size batches instead of allocating.
/// </remarks>
public sealed partial class Matrix
{
    private float[] _data;

    /// <summary>Creates a zero-filled matrix.</summary>
    /// <param name="rows">Number of rows (samples); zero or more.</param>
    /// <param name="columns">Number of columns (values per sample); one or more.</param>
    public Matrix(int rows, int columns)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "A matrix needs zero or more rows.");
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A matrix needs at least one column.");
        Rows = rows;
        Columns = columns;
        _data = new float[checked(rows * columns)];
    }

    /// <summary>Wraps an existing row-major buffer without copying it.</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="data">The values, row after row; its length must be at least <paramref name="rows"/> × <paramref name="columns"/>.</param>
    public Matrix(int rows, int columns, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "A matrix needs zero or more rows.");
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A matrix needs at least one column.");
        if (data.Length < (long)rows * columns)
        {
            throw new ArgumentException($"A {rows}x{columns} matrix needs {(long)rows * columns} values but the buffer holds {data.Length}.", nameof(data));
        }
        Rows = rows;
        Columns = columns;
        _data = data;
    }

    /// <summary>Number of rows in use (the batch size).</summary>
    public int Rows { get; private set; }

    /// <summary>Number of columns (values per row).</summary>
    public int Columns { get; }

    /// <summary>Number of rows the buffer can hold without reallocating.</summary>
    public int RowCapacity => _data.Length / Columns;

    /// <summary>Number of values in use: <see cref="Rows"/> × <see cref="Columns"/>.</summary>
    public int Length => Rows * Columns;

    /// <summary>The backing buffer. Its first <see cref="Length"/> values are the matrix, row after row.</summary>
    public float[] Data => _data;

    /// <summary>Gets or sets one value.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index.</param>
    public float this[int row, int column]
    {
        get
        {
            CheckIndex(row, column);
            return _data[row * Columns + column];
        }
        set
        {
            CheckIndex(row, column);
            _data[row * Columns + column] = value;
        }
    }

    /// <summary>The values in use, as a span.</summary>
    public Span<float> AsSpan() => _data.AsSpan(0, Length);

    /// <summary>One row, as a span.</summary>
    /// <param name="row">Row index.</param>
    public Span<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"Row index must be in [0, {Rows}).");
        return _data.AsSpan(row * Columns, Columns);
    }

    /// <summary>Creates a matrix from a rectangular array, copying it.</summary>
    /// <param name="values">The values; the first dimension is rows.</param>
    public static Matrix FromArray(float[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = new Matrix(values.GetLength(0), values.GetLength(1));
        for (int r = 0; r < m.Rows; r++)
        {
            for (int c = 0; c < m.Columns; c++)
            {
                m._data[r * m.Columns + c] = values[r, c];
            }
        }
        return m;
    }

    /// <summary>Creates a matrix from jagged rows, copying them; every row must have the same length.</summary>
    /// <param name="rows">The rows.</param>
    public static Matrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("At least one row is needed to know the number of columns.", nameof(rows));
        int columns = rows[0].Length;
        var m = new Matrix(rows.Count, columns);
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != columns)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} values; row 0 has {columns}.", nameof(rows));
            }
            rows[r].CopyTo(m._data, r * columns);
        }
        return m;
    }

    /// <summary>Creates a one-column matrix holding class indices, the "sparse" label form the losses accept.</summary>
    /// <param name="labels">Class index per sample.</param>
    public static Matrix FromLabels(ReadOnlySpan<int> labels)
    {
        var m = new Matrix(labels.Length, 1);
        for (int i = 0; i < labels.Length; i++) m._data[i] = labels[i];
        return m;
    }

    /// <summary>Creates a one-column matrix from one value per sample (regression or binary targets).</summary>
    /// <param name="values">Value per sample.</param>
    public static Matrix FromColumn(ReadOnlySpan<float> values)
    {
        var m = new Matrix(values.Length, 1);
        values.CopyTo(m._data);
        return m;
    }

    /// <summary>Copies the values in use into a new rectangular array.</summary>
    public float[,] ToArray()
    {
        var a = new float[Rows, Columns];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++) a[r, c] = _data[r * Columns + c];
        }
        return a;
    }

    /// <summary>A deep copy holding exactly <see cref="Rows"/> rows.</summary>
    public Matrix Clone()
    {
        var m = new Matrix(Rows, Columns);
        AsSpan().CopyTo(m._data);
        return m;
    }

    /// <summary>Copies the given rows, in order, into a new matrix.</summary>
    /// <param name="indices">Row indices to take.</param>
    public Matrix SelectRows(ReadOnlySpan<int> indices)
    {
        var m = new Matrix(indices.Length, Columns);
        GatherRows(indices, m);
        return m;
    }

    /// <summary>Copies a contiguous range of rows into a new matrix.</summary>
    /// <param name="start">First row.</param>
    /// <param name="count">Number of rows.</param>
    public Matrix Slice(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Rows [{start}, {start + count}) are outside [0, {Rows}).");
        }
        var m = new Matrix(count, Columns);
        _data.AsSpan(start * Columns, count * Columns).CopyTo(m._data);
        return m;
    }

    /// <inheritdoc />
    public override string ToString() => $"Matrix {Rows}x{Columns}";

    /// <summary>Sets the number of rows in use, reallocating only when the capacity is too small.</summary>
    /// <remarks>
    /// Values are preserved only when no reallocation happens. Public so that readers filling a matrix row by row
    /// (NNTrainer.ML's training-set reader) can drop the rows they skipped without copying.
    /// </remarks>
    /// <param name="rows">Rows in use from now on.</param>
    public void Resize(int rows)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows));
        if ((long)rows * Columns > _data.Length)
        {
            _data = new float[checked(rows * Columns)];
        }
        Rows = rows;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckIndex(int row, int column)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"Row index must be in [0, {Rows}).");
        if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column), column, $"Column index must be in [0, {Columns}).");
    }
}
