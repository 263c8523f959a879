using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Data;

/// <summary>Wide, mostly-zero feature vectors read as sparse rows: the same values as the dense read, the same checks.</summary>
public class SparseTrainingSetTests
{
    private const int Slots = 5000;

    private sealed class Row
    {
        public float Label { get; set; }

        [VectorType(Slots)]
        public VBuffer<float> Features { get; set; }
    }

    private static IDataView View(IEnumerable<Row> rows) => new MLContext().Data.LoadFromEnumerable(rows);

    private static TrainingSet Read(IDataView data, bool sparse, bool skip = false) =>
        TrainingSetReader.Read(data, data.Schema["Features"], Slots, data.Schema["Label"], new SingleLabelReader(), skip, "training data", sparse: sparse);

    private static Row Sparse(float label, params (int Slot, float Value)[] values) =>
        new() { Label = label, Features = new VBuffer<float>(Slots, values.Length, values.Select(v => v.Value).ToArray(), values.Select(v => v.Slot).ToArray()) };

    [Fact]
    public void SparseRowsHoldTheValuesOfTheDenseReadAndDropStoredZeros()
    {
        var dense = new float[Slots];
        (dense[3], dense[4999]) = (2f, -1f);
        var data = View([Sparse(1, (0, 1f), (17, 0f), (4000, 0.5f)), new Row { Label = 0, Features = new VBuffer<float>(Slots, dense) }]);

        var sparse = Read(data, sparse: true);
        var expected = Read(data, sparse: false);

        Assert.NotNull(sparse.SparseInputs);
        Assert.Equal(2, sparse.Rows);
        Assert.Equal(4, sparse.SparseInputs!.StoredCount);
        Assert.Equal(expected.Inputs.AsSpan().ToArray(), sparse.SparseInputs.ToDense().AsSpan().ToArray());
        Assert.Equal(expected.Targets.AsSpan().ToArray(), sparse.Targets.AsSpan().ToArray());
        Assert.Equal(expected.Inputs.AsSpan().ToArray(), sparse.Densified().Inputs.AsSpan().ToArray());
    }

    [Fact]
    public void ASkippedSparseRowLeavesNoValuesBehind()
    {
        var set = Read(View([Sparse(1, (5, 1f)), Sparse(2, (6, float.NaN), (7, 3f)), Sparse(3, (8, 4f))]), sparse: true, skip: true);
        Assert.Equal(1, set.SkippedRows);
        Assert.Equal([0, 1, 2], set.SparseInputs!.RowStarts.Take(3));
        Assert.Equal([5, 8], set.SparseInputs.ColumnIndices.Take(2));
        Assert.Equal([1f, 3f], set.Targets.AsSpan().ToArray());
    }

    [Fact]
    public void ANaNInASparseRowIsNamedByRowAndSlot()
    {
        var error = Assert.Throws<ArgumentException>(() => Read(View([Sparse(1, (5, 1f)), Sparse(2, (6, 2f), (4321, float.PositiveInfinity))]), sparse: true));
        Assert.Contains("holds ∞ at row 1, slot 4321", error.Message.Replace("Infinity", "∞"));
    }

    [Fact]
    public void OnlyWideMostlyZeroVectorsAreKeptSparse()
    {
        var few = View(Enumerable.Range(0, 50).Select(i => Sparse(i % 2, (i, 1f), (i + 100, 2f))));
        Assert.True(SparseFeatures.Prefer(few, few.Schema["Features"], Slots));
        // 5 % of 5,000 slots is 250 values a row: 300 is too many.
        var many = View(Enumerable.Range(0, 50).Select(i => Sparse(i % 2, [.. Enumerable.Range(0, 300).Select(s => (s * 7 + i % 7, 1f))])));
        Assert.False(SparseFeatures.Prefer(many, many.Schema["Features"], Slots));
        Assert.False(SparseFeatures.Prefer(few, few.Schema["Features"], SparseFeatures.MinimumSlots - 1));
    }
}
