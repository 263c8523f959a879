namespace NNTrainer.Tensors;

/// <summary>
/// im2col and col2im for stride-1 convolutions with AVX-512 masked loads and stores: one output line (up to 16
/// positions) per instruction pair instead of a span copy or add per line, which at LeNet's 14-wide lines cost more in
/// call overhead than in data movement. Values are bit-identical to <see cref="Im2Col"/>'s loops.
/// </summary>
/// <remarks>
/// Masked-off lanes are neither read nor written (AVX-512 suppresses their faults), so a line's load may start before
/// its row or end past it: the mask, not the address, keeps every access inside the buffers.
/// </remarks>
internal static unsafe class Im2ColAvx512
{
    private const int Lanes = 16;

    /// <summary>Kernel columns × chunks whose lane masks <see cref="Gather"/> keeps on the stack (4 KB).</summary>
    private const int MaxMasks = 64;

    /// <summary>
    /// Whether these kernels serve <paramref name="g"/>: AVX-512 hardware, stride 1, and rows narrow enough that
    /// <see cref="Gather"/>'s lane masks fit on the stack (k·⌈W/16⌉ ≤ 64: widths up to 192 for 5×5 kernels).
    /// </summary>
    public static bool Supports(in ConvolutionGeometry g) =>
        Avx512F.IsSupported && g.Stride == 1 && (long)g.Kernel * ((g.Width + Lanes - 1) / Lanes) <= MaxMasks;

    /// <summary>Same contract and result as <see cref="Im2Col.Expand"/>, for a geometry <see cref="Supports"/> accepts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Expand(ReadOnlySpan<float> image, in ConvolutionGeometry g, Span<float> columns, int ld)
    {
        RequireSizes(image.Length, columns.Length, ld, g);
        int k = g.Kernel, oh = g.OutputHeight, ow = g.OutputWidth, h = g.Height, w = g.Width;
        var lane = Vector512<int>.Indices;
        fixed (float* pImage = image, pColumns = columns)
        {
            float* destinationRow = pColumns;
            for (int c = 0; c < g.Channels; c++)
            {
                float* plane = pImage + (nint)c * h * w;
                for (int ky = 0; ky < k; ky++)
                {
                    for (int kx = 0; kx < k; kx++, destinationRow += ld)
                    {
                        var (from, to) = g.ValidColumns(kx);
                        int firstColumn = kx - g.PadLeft;
                        for (int x0 = 0; x0 < ow; x0 += Lanes)
                        {
                            // Lanes x0 + l: stored while inside the line, loaded while the window reads inside the image.
                            var index = lane + Vector512.Create(x0);
                            var store = Vector512.LessThan(index, Vector512.Create(ow)).AsSingle();
                            var load = (Vector512.GreaterThanOrEqual(index, Vector512.Create(from)) & Vector512.LessThan(index, Vector512.Create(to))).AsSingle();
                            float* destination = destinationRow + x0;
                            for (int oy = 0; oy < oh; oy++, destination += ow)
                            {
                                int iy = oy - g.PadTop + ky;
                                var value = (uint)iy < (uint)h
                                    ? Avx512F.MaskLoad(plane + (nint)iy * w + firstColumn + x0, load, Vector512<float>.Zero)
                                    : Vector512<float>.Zero;
                                Avx512F.MaskStore(destination, store, value);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Writes into <paramref name="image"/> the col2im of <paramref name="columns"/>: what <see cref="Im2Col.Accumulate"/>
    /// adds onto a cleared image, bit for bit. Each image value is gathered in registers from its k·k column entries in
    /// the same order (kernel row, then kernel column) as the scatter adds them, so the sums are the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather(ReadOnlySpan<float> columns, int ld, in ConvolutionGeometry g, Span<float> image)
    {
        RequireSizes(image.Length, columns.Length, ld, g);
        int k = g.Kernel, oh = g.OutputHeight, ow = g.OutputWidth, h = g.Height, w = g.Width;
        var lane = Vector512<int>.Indices;
        fixed (float* pImage = image, pColumns = columns)
        {
            // Which lanes each kernel column reads, per 16-lane chunk of an image row: the same for every row.
            int chunks = (w + Lanes - 1) / Lanes;
            if (k * chunks > MaxMasks) throw new ArgumentException($"Rows of {w} with {k}×{k} kernels need more lane masks than {MaxMasks}: see Supports.", nameof(g));
            Span<Vector512<float>> masks = stackalloc Vector512<float>[MaxMasks];
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                var index = lane + Vector512.Create(chunk * Lanes);
                var inside = Vector512.LessThan(index, Vector512.Create(w));
                for (int kx = 0; kx < k; kx++)
                {
                    // Image column ix reads output column ox = ix − kx + padLeft of this kernel row.
                    var ox = index + Vector512.Create(g.PadLeft - kx);
                    masks[chunk * k + kx] = (Vector512.GreaterThanOrEqual(ox, Vector512<int>.Zero) & Vector512.LessThan(ox, Vector512.Create(ow)) & inside).AsSingle();
                }
            }
            for (int c = 0; c < g.Channels; c++)
            {
                float* channelRows = pColumns + (nint)c * k * k * ld;
                for (int chunk = 0; chunk < chunks; chunk++)
                {
                    int x0 = chunk * Lanes;
                    var store = Vector512.LessThan(lane + Vector512.Create(x0), Vector512.Create(w)).AsSingle();
                    var rowMasks = masks.Slice(chunk * k, k);
                    for (int iy = 0; iy < h; iy++)
                    {
                        var sum = Vector512<float>.Zero;
                        for (int ky = 0; ky < k; ky++)
                        {
                            int oy = iy + g.PadTop - ky;
                            if ((uint)oy >= (uint)oh) continue;
                            float* source = channelRows + (nint)ky * k * ld + (nint)oy * ow + x0 + g.PadLeft;
                            for (int kx = 0; kx < k; kx++, source += ld - 1)
                            {
                                sum += Avx512F.MaskLoad(source, rowMasks[kx], Vector512<float>.Zero);
                            }
                        }
                        Avx512F.MaskStore(pImage + ((nint)c * h + iy) * w + x0, store, sum);
                    }
                }
            }
        }
    }

    /// <summary>The pointer loops read and write without bounds checks: the spans must hold the image and the column rows.</summary>
    private static void RequireSizes(int imageLength, int columnsLength, int ld, in ConvolutionGeometry g)
    {
        if (imageLength < g.InputSize) throw new ArgumentException($"The image holds {imageLength} values; the geometry needs {g.InputSize}.", "image");
        if (g.PatchSize > 0 && columnsLength < (long)(g.PatchSize - 1) * ld + g.Positions)
        {
            throw new ArgumentException($"The columns hold {columnsLength} values; {g.PatchSize} rows {ld} apart need more.", "columns");
        }
    }
}
