namespace NNTrainer.Tensors;

/// <summary>
/// A float32 matrix stored by rows in compressed sparse row (CSR) form: the nonzero values, their column indices, and
/// where each row starts in them. Wide, mostly-zero inputs such as ML.NET's <c>FeaturizeText</c> vectors (tens of
/// thousands of n-gram slots, a few hundred nonzero per row) take memory and training time in proportion to their
/// nonzeros this way, where a dense <see cref="Matrix"/> costs rows × columns.
/// </summary>
/// <remarks>Train on it with <see cref="Training.Network.Fit(SparseMatrix, Matrix, Training.FitOptions?)"/>.</remarks>
public sealed class SparseMatrix
{
    /// <summary>Wraps CSR arrays (not copied), checking that they describe a matrix.</summary>
    /// <param name="rows">Rows of the matrix.</param>
    /// <param name="columns">Columns of the matrix.</param>
    /// <param name="rowStarts">
    /// <paramref name="rows"/> + 1 offsets into <paramref name="columnIndices"/> and <paramref name="values"/>: row r holds
    /// the entries [rowStarts[r], rowStarts[r + 1]). Starts at 0 and never decreases.
    /// </param>
    /// <param name="columnIndices">The column of each stored value, strictly increasing within a row.</param>
    /// <param name="values">The stored values (at least rowStarts[rows] of them).</param>
    /// <exception cref="ArgumentException">The arrays do not describe a rows × columns matrix (the message names the row and entry).</exception>
    public SparseMatrix(int rows, int columns, int[] rowStarts, int[] columnIndices, float[] values)
    {
        ArgumentNullException.ThrowIfNull(rowStarts);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "A sparse matrix needs zero or more rows.");
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A sparse matrix needs at least one column.");
        if (rowStarts.Length < rows + 1) throw new ArgumentException($"A sparse matrix of {rows} rows needs {rows + 1} row starts; {rowStarts.Length} were given.", nameof(rowStarts));
        if (rowStarts[0] != 0) throw new ArgumentException($"The first row must start at entry 0; it starts at {rowStarts[0]}.", nameof(rowStarts));
        int stored = rowStarts[rows];
        if (columnIndices.Length < stored || values.Length < stored)
        {
            throw new ArgumentException($"The row starts describe {stored} stored values, but {columnIndices.Length} column indices and {values.Length} values were given.", nameof(columnIndices));
        }
        for (int r = 0; r < rows; r++)
        {
            int start = rowStarts[r], end = rowStarts[r + 1];
            if (end < start) throw new ArgumentException($"Row {r} ends (entry {end}) before it starts (entry {start}); row starts must not decrease.", nameof(rowStarts));
            int previous = -1;
            for (int k = start; k < end; k++)
            {
                int column = columnIndices[k];
                if (column <= previous || column >= columns)
                {
                    throw new ArgumentException($"Row {r}, entry {k - start} has column {column}; columns must be in [0, {columns}) and strictly increase within a row (the previous was {previous}).", nameof(columnIndices));
                }
                previous = column;
            }
        }
        Rows = rows;
        Columns = columns;
        RowStarts = rowStarts;
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <summary>Rows of the matrix.</summary>
    public int Rows { get; }

    /// <summary>Columns of the matrix.</summary>
    public int Columns { get; }

    /// <summary>Row r's entries are [RowStarts[r], RowStarts[r + 1]) of <see cref="ColumnIndices"/> and <see cref="Values"/>.</summary>
    public int[] RowStarts { get; }

    /// <summary>The column of each stored value.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>The stored values.</summary>
    public float[] Values { get; }

    /// <summary>Values stored (explicit zeros included).</summary>
    public long StoredCount => RowStarts[Rows];

    /// <summary>Stored values over rows × columns: 1 for a full matrix.</summary>
    public double Density => Rows == 0 ? 0 : StoredCount / ((double)Rows * Columns);

    /// <summary>The column indices of row <paramref name="row"/>.</summary>
    /// <param name="row">A row in [0, <see cref="Rows"/>).</param>
    public ReadOnlySpan<int> RowColumns(int row) => ColumnIndices.AsSpan(RowStarts[CheckRow(row)], RowStarts[row + 1] - RowStarts[row]);

    /// <summary>The stored values of row <paramref name="row"/>, in the order of <see cref="RowColumns"/>.</summary>
    /// <param name="row">A row in [0, <see cref="Rows"/>).</param>
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowStarts[CheckRow(row)], RowStarts[row + 1] - RowStarts[row]);

    /// <summary>The nonzero entries of a dense matrix.</summary>
    /// <param name="dense">The matrix to compress.</param>
    public static SparseMatrix FromDense(Matrix dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        var starts = new int[dense.Rows + 1];
        long count = 0;
        foreach (float v in dense.AsSpan()) count += v != 0f ? 1 : 0;
        var columns = new int[count];
        var values = new float[count];
        int at = 0;
        for (int r = 0; r < dense.Rows; r++)
        {
            var row = dense.Row(r);
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] == 0f) continue;
                columns[at] = c;
                values[at++] = row[c];
            }
            starts[r + 1] = at;
        }
        return new SparseMatrix(dense.Rows, dense.Columns, starts, columns, values);
    }

    /// <summary>The same matrix with every zero written out.</summary>
    public Matrix ToDense()
    {
        var dense = new Matrix(Rows, Columns);
        for (int r = 0; r < Rows; r++)
        {
            var row = dense.Row(r);
            for (int k = RowStarts[r]; k < RowStarts[r + 1]; k++) row[ColumnIndices[k]] = Values[k];
        }
        return dense;
    }

    /// <summary>A new matrix of the rows <paramref name="indices"/>, in that order.</summary>
    /// <param name="indices">Rows to take, each in [0, <see cref="Rows"/>).</param>
    public SparseMatrix SelectRows(ReadOnlySpan<int> indices)
    {
        var starts = new int[indices.Length + 1];
        long count = 0;
        foreach (int r in indices) count += RowStarts[CheckRow(r) + 1] - RowStarts[r];
        var columns = new int[count];
        var values = new float[count];
        int at = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            int r = indices[i], start = RowStarts[r], length = RowStarts[r + 1] - start;
            Array.Copy(ColumnIndices, start, columns, at, length);
            Array.Copy(Values, start, values, at, length);
            at += length;
            starts[i + 1] = at;
        }
        return new SparseMatrix(indices.Length, Columns, starts, columns, values);
    }

    /// <inheritdoc />
    public override string ToString() => $"SparseMatrix {Rows}x{Columns}, {StoredCount} stored";

    private int CheckRow(int row) =>
        (uint)row < (uint)Rows ? row : throw new ArgumentOutOfRangeException(nameof(row), row, $"Row index must be in [0, {Rows}).");
}
