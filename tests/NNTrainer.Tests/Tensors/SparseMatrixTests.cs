using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Tensors;

/// <summary>The CSR matrix's checks and conversions, and the two sparse products against central differences.</summary>
public class SparseMatrixTests
{
    [Fact]
    public void DenseToSparseAndBackGivesTheSameMatrix()
    {
        var dense = SparseData.Dense(rows: 7, columns: 50, perRow: 4, seed: 1);
        var sparse = SparseMatrix.FromDense(dense);
        Assert.Equal(28, sparse.StoredCount);
        Assert.Equal(dense.Data, sparse.ToDense().Data);
        Assert.Equal(28 / 350.0, sparse.Density, 12);
    }

    [Fact]
    public void SelectRowsTakesTheRowsInTheGivenOrder()
    {
        var dense = SparseData.Dense(rows: 6, columns: 20, perRow: 3, seed: 2);
        var picked = SparseMatrix.FromDense(dense).SelectRows([4, 0, 4]);
        Assert.Equal(dense.SelectRows([4, 0, 4]).Data, picked.ToDense().Data);
    }

    [Fact]
    public void AColumnOutOfOrderIsRefusedNamingTheRowAndEntry()
    {
        var error = Assert.Throws<ArgumentException>(() => new SparseMatrix(2, 10, [0, 1, 3], [4, 7, 7], [1f, 2f, 3f]));
        Assert.Contains("Row 1, entry 1 has column 7", error.Message);
        var wide = Assert.Throws<ArgumentException>(() => new SparseMatrix(1, 10, [0, 1], [10], [1f]));
        Assert.Contains("[0, 10)", wide.Message);
        Assert.Throws<ArgumentException>(() => new SparseMatrix(2, 10, [0, 2, 1], [1, 2], [1f, 2f]));
    }

    [Fact]
    public void TheSparseForwardIsTheDenseProduct()
    {
        var dense = SparseData.Dense(rows: 5, columns: 40, perRow: 6, seed: 3);
        var sparse = SparseMatrix.FromDense(dense);
        var w = GradientCheck.Random(40, 9, seed: 4);
        var b = GradientCheck.Random(1, 9, seed: 5);
        var output = new float[5 * 9];
        SparseProducts.Forward(sparse.RowStarts, sparse.ColumnIndices, sparse.Values, 5, w.Data, b.Data, output);
        for (int r = 0; r < 5; r++)
        {
            for (int j = 0; j < 9; j++)
            {
                double expected = b.Data[j];
                for (int i = 0; i < 40; i++) expected += (double)dense[r, i] * w[i, j];
                Assert.Equal(expected, output[r * 9 + j], 4);
            }
        }
    }

    [Fact]
    public void TheWeightAndBiasGradientsMatchCentralDifferencesOnTheTouchedRows()
    {
        var dense = SparseData.Dense(rows: 4, columns: 30, perRow: 5, seed: 6);
        var sparse = SparseMatrix.FromDense(dense);
        int neurons = 3;
        var w = GradientCheck.Random(30, neurons, seed: 7);
        var b = GradientCheck.Random(1, neurons, seed: 8);
        var upstream = GradientCheck.Random(4, neurons, seed: 9);
        double Loss()
        {
            var output = new Matrix(4, neurons);
            SparseProducts.Forward(sparse.RowStarts, sparse.ColumnIndices, sparse.Values, 4, w.Data, b.Data, output.Data);
            return GradientCheck.Project(output, upstream);
        }

        // Stale values in rows the batch does not touch must be left alone, and never read.
        var gradients = Enumerable.Repeat(123f, 30 * neurons).ToArray();
        var marks = new int[30];
        var touched = new int[sparse.StoredCount];
        int count = SparseProducts.WeightGradient(sparse.RowStarts, sparse.ColumnIndices, sparse.Values, 4, upstream.Data, neurons, gradients, marks, stamp: 1, touched);
        var biasGradient = new float[neurons];
        SparseProducts.ColumnSums(upstream.Data, 4, biasGradient);

        var numeric = GradientCheck.Numeric(w.Data, Loss);
        var used = new HashSet<int>(sparse.ColumnIndices.Take((int)sparse.StoredCount));
        Assert.Equal(used.Count, count);
        Assert.Equal(used.Order(), touched.Take(count).Order());
        for (int row = 0; row < 30; row++)
        {
            var analytic = gradients.AsSpan(row * neurons, neurons);
            if (used.Contains(row)) GradientCheck.AssertClose(analytic, numeric[(row * neurons)..((row + 1) * neurons)], $"dW row {row}");
            else Assert.All(analytic.ToArray(), g => Assert.Equal(123f, g));
        }
        GradientCheck.AssertClose(biasGradient, GradientCheck.Numeric(b.Data, Loss), "db");
    }
}

/// <summary>Random sparse inputs for the tests: a few nonzero values per row at random columns.</summary>
internal static class SparseData
{
    public static Matrix Dense(int rows, int columns, int perRow, int seed)
    {
        var random = new Random(seed);
        var m = new Matrix(rows, columns);
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < perRow; k++)
            {
                int c;
                do c = random.Next(columns); while (m[r, c] != 0f);
                m[r, c] = (float)(random.NextDouble() * 2 - 1) + (random.Next(2) == 0 ? 0.1f : -0.1f);
            }
        }
        return m;
    }

    /// <summary>A two-class problem on sparse rows: class 1 rows draw a third of their columns from the first 20.</summary>
    public static (Matrix X, Matrix Y) Classes(int rows, int columns, int perRow, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(rows, columns);
        var y = new Matrix(rows, 1);
        for (int r = 0; r < rows; r++)
        {
            bool positive = random.Next(2) == 0;
            y[r, 0] = positive ? 1f : 0f;
            for (int k = 0; k < perRow; k++)
            {
                int c = positive && k % 3 == 0 ? random.Next(20) : 20 + random.Next(columns - 20);
                x[r, c] = 0.2f + (float)random.NextDouble();
            }
        }
        return (x, y);
    }
}
