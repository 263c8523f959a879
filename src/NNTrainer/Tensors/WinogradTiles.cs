namespace NNTrainer.Tensors;

/// <summary>
/// How the 6×6 input tiles of Winograd's F(2×2, 5×5) cover one padded input plane, and their transform V = Bᵀ·d·B:
/// the part the forward pass, the input gradient and the weight gradient share. Tile (ty, tx) reads the padded rows
/// 2·ty … 2·ty + 5 and columns 2·tx … 2·tx + 5 and belongs to the outputs 2·ty, 2·ty + 1 and 2·tx, 2·tx + 1.
/// </summary>
/// <remarks>
/// Tiles are numbered in slots: each tile row takes whole chunks of eight slots (so that two tile rows fill the 16
/// lanes of one vector); slots past a row's last tile hold transforms of padding, which are finite (the plane's
/// border is zero).
/// </remarks>
internal sealed unsafe class WinogradTiles
{
    /// <summary>Tiles a chunk: one 256-bit vector.</summary>
    public const int Lanes = 8;

    private readonly int _inH, _inW, _padTop, _padLeft;

    /// <param name="inH">Input height.</param>
    /// <param name="inW">Input width.</param>
    /// <param name="padTop">Zero rows above the input.</param>
    /// <param name="padLeft">Zero columns left of the input (even).</param>
    /// <param name="outH">Output height: the tiles cover ⌈outH / 2⌉ rows.</param>
    /// <param name="outW">Output width: the tiles cover ⌈outW / 2⌉ columns.</param>
    public WinogradTiles(int inH, int inW, int padTop, int padLeft, int outH, int outW)
    {
        (_inH, _inW, _padTop, _padLeft) = (inH, inW, padTop, padLeft);
        TileRows = (outH + 1) / 2;
        Chunks = ((outW + 1) / 2 + Lanes - 1) / Lanes;
        SlotsPerRow = Lanes * Chunks;
        Tiles = TileRows * SlotsPerRow;
        // The padded plane is kept as its even columns then its odd columns (two half-planes), so that the eight tiles of
        // a chunk read column 2·tx + b with one contiguous load from either half. Each half-row holds every column a
        // chunk reads (tx + 2 for b = 4 or 5, plus eight lanes).
        RowStride = Math.Max(Lanes * Chunks + 3, (padLeft + inW + 1) / 2);
        // Tile rows go in pairs: an odd last one reads two rows of padding past its pair's.
        PlaneSize = 2 * (2 * (TileRows + 1) / 2 * 2 + 4) * RowStride;
    }

    /// <summary>Rows of tiles.</summary>
    public int TileRows { get; }

    /// <summary>Chunks of eight slots a tile row.</summary>
    public int Chunks { get; }

    /// <summary>Slots a tile row: whole chunks.</summary>
    public int SlotsPerRow { get; }

    /// <summary>Slots of one plane: <see cref="TileRows"/> × <see cref="SlotsPerRow"/>.</summary>
    public int Tiles { get; }

    /// <summary>Values a padded half-row.</summary>
    public int RowStride { get; }

    /// <summary>Values of a padded plane (both halves): zero it once, <see cref="CopyIntoPlane"/> writes only the image.</summary>
    public int PlaneSize { get; }

    /// <summary>Writes one image into the padded plane: even padded columns into the first half-plane, odd ones into the second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyIntoPlane(float* image, float* plane)
    {
        // The left padding is even (see WinogradConvolution.Applies), so image column x lands in half (x mod 2) at padLeft/2 + x/2.
        float* odd = plane + PlaneSize / 2;
        for (int row = 0; row < _inH; row++)
        {
            float* source = image + row * _inW;
            long at = (_padTop + row) * RowStride + _padLeft / 2;
            for (int x = 0; x < _inW; x += 2 * Lanes)
            {
                int n = Math.Min(2 * Lanes, _inW - x);
                var (evens, odds) = Deinterleave(source + x, n);
                WinogradTransforms.Store(plane + at + x / 2, evens, (n + 1) / 2);
                WinogradTransforms.Store(odd + at + x / 2, odds, n / 2);
            }
        }
    }

    /// <summary>The even and the odd ones of the <paramref name="n"/> (at most 16) values at <paramref name="source"/>, zero past them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Evens, Vector256<float> Odds) Deinterleave(float* source, int n)
    {
        var low = Avx512F.VL.MaskLoad(source, WinogradTransforms.Mask(n), Vector256<float>.Zero);
        var high = Avx512F.VL.MaskLoad(source + Lanes, WinogradTransforms.Mask(n - Lanes), Vector256<float>.Zero);
        var evens = Avx2.Permute4x64(Avx.Shuffle(low, high, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle();
        var odds = Avx2.Permute4x64(Avx.Shuffle(low, high, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsSingle();
        return (evens, odds);
    }

    /// <summary>
    /// V = Bᵀ·d·B for every tile of one padded plane, eight tiles of two tile rows at a time (rows ty and ty + 1 share
    /// four of their six image rows), stored at v[ξ·stride + slot]. An odd last tile row's pair writes one tile row of
    /// slots past <see cref="Tiles"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void TransformInput(float* plane, float* v, long stride)
    {
        var t = stackalloc Vector512<float>[36];
        int rs = RowStride;
        for (int ty = 0; ty < TileRows; ty += 2)
        {
            for (int chunk = 0; chunk < Chunks; chunk++)
            {
                int tx = chunk * Lanes;
                float* origin = plane + 2 * ty * rs + tx;
                for (int b = 0; b < 6; b++)
                {
                    // Column 2·tx + b: half b mod 2, at tx + b/2; the lower lanes are tile row ty, the upper ones ty + 1.
                    float* c = origin + (b & 1) * (PlaneSize / 2) + (b >> 1);
                    WinogradTransforms.Input(Pair(c, 2 * rs), Pair(c + rs, 2 * rs), Pair(c + 2 * rs, 2 * rs),
                        Pair(c + 3 * rs, 2 * rs), Pair(c + 4 * rs, 2 * rs), Pair(c + 5 * rs, 2 * rs),
                        out t[b], out t[6 + b], out t[12 + b], out t[18 + b], out t[24 + b], out t[30 + b]);
                }
                float* at = v + ty * SlotsPerRow + tx;
                for (int i = 0; i < 6; i++)
                {
                    var r = t + 6 * i;
                    WinogradTransforms.Input(r[0], r[1], r[2], r[3], r[4], r[5],
                        out var v0, out var v1, out var v2, out var v3, out var v4, out var v5);
                    float* row = at + 6 * i * stride;
                    StorePair(row, v0);
                    StorePair(row + stride, v1);
                    StorePair(row + 2 * stride, v2);
                    StorePair(row + 3 * stride, v3);
                    StorePair(row + 4 * stride, v4);
                    StorePair(row + 5 * stride, v5);
                }
            }
        }
    }

    /// <summary>Eight values at p in the lower lanes, eight at p + offset in the upper ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pair(float* p, long offset) =>
        offset == Lanes ? Avx512F.LoadVector512(p) : Vector512.Create(Avx.LoadVector256(p), Avx.LoadVector256(p + offset));

    /// <summary>The lower lanes at p, the upper ones one tile row of slots later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StorePair(float* p, Vector512<float> value)
    {
        if (SlotsPerRow == Lanes)
        {
            Avx512F.Store(p, value); // one chunk a tile row: the two rows' slots are contiguous
            return;
        }
        Avx.Store(p, value.GetLower());
        Avx.Store(p + SlotsPerRow, value.GetUpper());
    }
}
