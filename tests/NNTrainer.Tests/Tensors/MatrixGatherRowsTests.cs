namespace NNTrainer.Tests.Tensors;

public class MatrixGatherRowsTests
{
    [Fact]
    public void CopiesTheIndexedRowsInOrder()
    {
        var source = new Matrix(50, 13);
        for (int i = 0; i < source.Data.Length; i++) source.Data[i] = i;
        int[] indices = [49, 0, 7, 7, 23, 1, 48, 2];
        var destination = new Matrix(10, 13);
        source.GatherRows(indices, destination);
        Assert.Equal(indices.Length, destination.Rows);
        for (int r = 0; r < indices.Length; r++) Assert.Equal(source.Row(indices[r]).ToArray(), destination.Row(r).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(32)]
    [InlineData(33)]
    public void CopiesRowsOfEveryWidthWithoutTouchingTheirNeighbours(int columns)
    {
        // Short rows are copied as two overlapping vectors: each row must come out whole, and the destination's rows
        // past the batch must keep what they held.
        var source = new Matrix(20, columns);
        for (int i = 0; i < source.Data.Length; i++) source.Data[i] = i + 0.5f;
        var destination = new Matrix(8, columns);
        destination.Data.AsSpan().Fill(-1f);
        int[] indices = [19, 0, 5, 5, 18, 1];
        source.GatherRows(indices, destination);
        for (int r = 0; r < indices.Length; r++) Assert.Equal(source.Row(indices[r]).ToArray(), destination.Row(r).ToArray());
        Assert.All(destination.Data.AsSpan(indices.Length * columns, 2 * columns).ToArray(), v => Assert.Equal(-1f, v));
    }

    [Fact]
    public void AnIndexOutsideTheMatrixIsNamed()
    {
        var source = new Matrix(4, 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => source.GatherRows([0, 4], new Matrix(2, 3)));
        Assert.Contains("[0, 4)", e.Message);
        Assert.Throws<ArgumentException>(() => source.GatherRows([0], new Matrix(1, 2)));
    }
}
