namespace NNTrainer.Training;

/// <summary>
/// One batch of sparse input rows in CSR form, in buffers allocated once for the largest batch a
/// <see cref="SparseBatchFeed"/> can gather, so that filling it allocates nothing.
/// </summary>
internal sealed class SparseBatch
{
    /// <summary>Allocates room for <paramref name="rows"/> rows holding <paramref name="stored"/> values together.</summary>
    public SparseBatch(int rows, int stored)
    {
        Starts = new int[rows + 1];
        Columns = new int[Math.Max(1, stored)];
        Values = new float[Math.Max(1, stored)];
    }

    /// <summary>Row starts; row r holds entries [Starts[r], Starts[r + 1]).</summary>
    public int[] Starts { get; }

    /// <summary>Column index of each stored value.</summary>
    public int[] Columns { get; }

    /// <summary>Stored values.</summary>
    public float[] Values { get; }

    /// <summary>Rows filled.</summary>
    public int Rows { get; set; }

    /// <summary>Values stored in the filled rows.</summary>
    public int Stored => Starts[Rows];
}
