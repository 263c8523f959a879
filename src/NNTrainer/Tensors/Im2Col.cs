using System.Numerics.Tensors;

namespace NNTrainer.Tensors;

/// <summary>
/// The column matrix of a convolution and its adjoint: <see cref="Expand"/> lays every k×k window of one sample out
/// as a column of a [C·k·k × OH·OW] matrix (zeros where the window reads padding), so the convolution becomes one
/// GEMM with the [filters × C·k·k] weights; <see cref="Accumulate"/> adds such a matrix back onto the image positions
/// it was read from, which is the input gradient's scatter.
/// </summary>
internal static class Im2Col
{
    /// <summary>Writes the column matrix of <paramref name="image"/> (one C×H×W sample) into <paramref name="columns"/>, whose rows are <paramref name="ld"/> apart (several samples side by side).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Expand(ReadOnlySpan<float> image, in ConvolutionGeometry g, Span<float> columns, int ld)
    {
        int s = g.Stride, oh = g.OutputHeight, ow = g.OutputWidth, positions = g.Positions;
        for (int row = 0; row < g.PatchSize; row++)
        {
            var (plane, ky, firstColumn, from, to) = g.Tap(row);
            var destination = columns.Slice(row * ld, positions);
            for (int oy = 0; oy < oh; oy++)
            {
                var line = destination.Slice(oy * ow, ow);
                int iy = oy * s - g.PadTop + ky;
                if ((uint)iy >= (uint)g.Height)
                {
                    line.Clear();
                    continue;
                }
                line.Slice(0, from).Clear();
                line.Slice(to).Clear();
                var source = image.Slice(plane + iy * g.Width);
                if (s == 1)
                {
                    source.Slice(firstColumn + from, to - from).CopyTo(line.Slice(from, to - from));
                }
                else
                {
                    for (int ox = from; ox < to; ox++) line[ox] = source[ox * s + firstColumn];
                }
            }
        }
    }

    /// <summary>Adds the column matrix <paramref name="columns"/> (rows <paramref name="ld"/> apart) onto <paramref name="image"/> at the positions <see cref="Expand"/> read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(ReadOnlySpan<float> columns, int ld, in ConvolutionGeometry g, Span<float> image)
    {
        int s = g.Stride, oh = g.OutputHeight, ow = g.OutputWidth, positions = g.Positions;
        for (int row = 0; row < g.PatchSize; row++)
        {
            var (plane, ky, firstColumn, from, to) = g.Tap(row);
            if (from >= to) continue;
            var source = columns.Slice(row * ld, positions);
            for (int oy = 0; oy < oh; oy++)
            {
                int iy = oy * s - g.PadTop + ky;
                if ((uint)iy >= (uint)g.Height) continue;
                var line = source.Slice(oy * ow, ow);
                var target = image.Slice(plane + iy * g.Width);
                if (s == 1)
                {
                    var t = target.Slice(firstColumn + from, to - from);
                    TensorPrimitives.Add(t, line.Slice(from, to - from), t);
                }
                else
                {
                    for (int ox = from; ox < to; ox++) target[ox * s + firstColumn] += line[ox];
                }
            }
        }
    }
}
