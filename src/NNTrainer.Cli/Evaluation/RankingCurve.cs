namespace NNTrainer.Cli.Evaluation;

/// <summary>
/// The area under the ROC curve and under the precision-recall curve from a stream of (score, class) pairs, in
/// bounded memory. Up to <see cref="ExactLimit"/> rows every score is kept (8 bytes a row) and the areas are exact,
/// ML.NET's to the last bit: ties share credit half and half for the AUC, and the AUPRC walks tied scores in the
/// order they came, as ML.NET's stable sort does. Past the limit the scores move into a fixed histogram over the
/// top <see cref="BinBits"/> bits of their order-preserving bit pattern (16 MB for the two classes, whatever the row
/// count), and the areas are computed per bin, with the rows of one bin as ties; <see cref="AucErrorBound"/> says by
/// how much that can move the AUC.
/// </summary>
internal sealed class RankingCurve(int exactLimit = RankingCurve.DefaultExactLimit)
{
    // The row number shares a 32-bit half with the class flag.
    private readonly int _limit = exactLimit is >= 0 and < int.MaxValue / 2 ? exactLimit : throw new ArgumentOutOfRangeException(nameof(exactLimit));

    /// <summary>Rows kept exactly by default: 8 MB.</summary>
    public const int DefaultExactLimit = 1 << 20;

    /// <summary>Bits of the score's order-preserving pattern a bin keeps: 1 sign, 8 exponent, 11 mantissa bits.</summary>
    public const int BinBits = 20;

    private const int Bins = 1 << BinBits;
    private ulong[] _exact = new ulong[1024];
    private long[]? _positiveBins;
    private long[]? _negativeBins;

    /// <summary>The largest number of rows kept exactly before switching to the histogram.</summary>
    public int ExactLimit => _limit;

    /// <summary>Positive rows added.</summary>
    public long Positives { get; private set; }

    /// <summary>Negative rows added.</summary>
    public long Negatives { get; private set; }

    /// <summary>Whether the areas are computed from the histogram (more rows than <see cref="ExactLimit"/>).</summary>
    public bool IsBinned => _positiveBins is not null;

    /// <summary>Adds one row: a finite score (callers leave out the others, as ML.NET does) and its class.</summary>
    public void Add(float score, bool positive)
    {
        uint key = OrderedBits(score);
        long row = Positives + Negatives;
        if (positive) Positives++;
        else Negatives++;
        if (_positiveBins is null)
        {
            if (row < ExactLimit)
            {
                if (row == _exact.Length) Array.Resize(ref _exact, (int)Math.Min(2 * row, ExactLimit));
                // Descending score, then arrival order: one ascending sort of these keys is ML.NET's stable order.
                _exact[row] = ((ulong)~key << 32) | ((ulong)row << 1) | (positive ? 1UL : 0UL);
                return;
            }
            MoveToBins((int)row);
        }
        (positive ? _positiveBins : _negativeBins)![key >> (32 - BinBits)]++;
    }

    /// <summary>ML.NET's AUC (ties count half); NaN when either class is absent, where ML.NET throws.</summary>
    public double Auc()
    {
        if (Positives == 0 || Negatives == 0) return double.NaN;
        double area = 0, positivesAbove = 0;
        foreach (var (p, n) in Groups())
        {
            area += positivesAbove * n + 0.5 * p * n;
            positivesAbove += p;
        }
        return area / ((double)Positives * Negatives);
    }

    /// <summary>
    /// The most the binned AUC can differ from the exact one: within a bin the order of a positive and a negative is
    /// unknown and each such pair was given half credit. 0 while exact.
    /// </summary>
    public double AucErrorBound()
    {
        if (!IsBinned || Positives == 0 || Negatives == 0) return 0;
        double pairs = 0;
        for (int b = 0; b < Bins; b++) pairs += (double)_positiveBins![b] * _negativeBins![b];
        return 0.5 * pairs / ((double)Positives * Negatives);
    }

    /// <summary>
    /// The area under the precision-recall curve by the lower trapezoid estimator, as ML.NET computes it: each
    /// positive adds (Δrecall) × (precision before the last negatives + precision now) / 2. 0 without positives.
    /// Binned, a bin's rows are one step.
    /// </summary>
    public double AuPrc()
    {
        if (Positives == 0) return 0;
        double truePositives = 0, falsePositives = 0, recall = 0, lowerPrecision = 1, area = 0;
        if (IsBinned)
        {
            foreach (var (p, n) in Groups())
            {
                truePositives += p;
                falsePositives += n;
                double precision = truePositives + falsePositives > 0 ? truePositives / (truePositives + falsePositives) : 1;
                if (p > 0)
                {
                    double next = truePositives / Positives;
                    area += (next - recall) * (lowerPrecision + precision) / 2;
                    recall = next;
                }
                lowerPrecision = precision;
            }
            return area;
        }
        foreach (ulong entry in SortedExact())
        {
            if ((entry & 1) != 0)
            {
                truePositives++;
                double next = truePositives / Positives, precision = truePositives / (truePositives + falsePositives);
                area += (next - recall) * (lowerPrecision + precision) / 2;
                recall = next;
                lowerPrecision = precision;
            }
            else
            {
                falsePositives++;
                lowerPrecision = truePositives / (truePositives + falsePositives);
            }
        }
        return area;
    }

    /// <summary>Per distinct score (exact) or per non-empty bin, from the highest down: positives and negatives.</summary>
    private IEnumerable<(long Positives, long Negatives)> Groups()
    {
        if (IsBinned)
        {
            for (int b = Bins - 1; b >= 0; b--)
            {
                if (_positiveBins![b] + _negativeBins![b] > 0) yield return (_positiveBins[b], _negativeBins[b]);
            }
            yield break;
        }
        long p = 0, n = 0;
        ulong current = 0;
        bool any = false;
        foreach (ulong entry in SortedExact())
        {
            ulong score = entry >> 32;
            if (any && score != current)
            {
                yield return (p, n);
                p = n = 0;
            }
            any = true;
            current = score;
            if ((entry & 1) != 0) p++;
            else n++;
        }
        if (any) yield return (p, n);
    }

    private ulong[] SortedExact()
    {
        int rows = (int)(Positives + Negatives);
        // Keys are unique (they hold the row number), so any sort gives the one order.
        Array.Sort(_exact, 0, rows);
        return rows == _exact.Length ? _exact : _exact[..rows];
    }

    private void MoveToBins(int rows)
    {
        _positiveBins = new long[Bins];
        _negativeBins = new long[Bins];
        for (int i = 0; i < rows; i++)
        {
            ulong entry = _exact[i];
            uint key = ~(uint)(entry >> 32);
            ((entry & 1) != 0 ? _positiveBins : _negativeBins)[key >> (32 - BinBits)]++;
        }
        _exact = [];
    }

    /// <summary>The float's bits mapped so that unsigned order is numeric order; -0 and +0 map alike, as they compare equal.</summary>
    internal static uint OrderedBits(float score)
    {
        uint bits = BitConverter.SingleToUInt32Bits(score == 0f ? 0f : score);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }
}
