namespace NNTrainer.Cli.Data;

/// <summary>
/// The rows a measuring fit trains on and the rows it is scored on (<c>train</c>'s and <c>compare</c>'s hold-out): a
/// seeded shuffle, then for classification a stratified cut, as scikit-learn's <c>train_test_split(stratify=y)</c>
/// makes, so that a class of a few rows (Weka's unbalanced.arff: 12 'Active' in 856) is neither missing from the
/// held-out rows nor all of them.
/// </summary>
internal static class HoldOutSplit
{
    /// <summary>
    /// A seeded shuffle of the row indices, the first <c>round(rows × testFraction)</c> held out; both parts keep file
    /// order. Regression and image folders use this cut.
    /// </summary>
    public static (int[] Train, int[] Test) Random(int rows, double testFraction, int seed)
    {
        var order = Shuffled(rows, seed);
        int testCount = (int)Math.Round(rows * testFraction);
        return (order.Skip(testCount).Order().ToArray(), order.Take(testCount).Order().ToArray());
    }

    /// <summary>
    /// The stratified cut: each class holds out its share of the held-out total <c>round(rows × testFraction)</c>,
    /// rounded down, and the rows left over go to the classes with the largest remainders (ties to the larger class,
    /// then the lower class index). Then every class of two rows or more keeps at least one row on each side, and a
    /// class of one row trains (unless no row would be held out at all); these two rules can move the total by one row per such class. Within a class the rows
    /// held out are the first in the seeded shuffle; both parts keep file order.
    /// </summary>
    /// <param name="labels">Each row's class index, 0 to <paramref name="classes"/> − 1.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="testFraction">The share held out, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static (int[] Train, int[] Test) Stratified(float[] labels, int classes, double testFraction, int seed)
    {
        var quota = Quotas(labels, classes, testFraction);
        var taken = new int[classes];
        var test = new List<int>();
        var train = new List<int>();
        foreach (int row in Shuffled(labels.Length, seed))
        {
            int c = (int)labels[row];
            if (taken[c] < quota[c])
            {
                taken[c]++;
                test.Add(row);
            }
            else
            {
                train.Add(row);
            }
        }
        return ([.. train.Order()], [.. test.Order()]);
    }

    /// <summary>How many rows of each class are held out (the rule in <see cref="Stratified"/>).</summary>
    internal static int[] Quotas(float[] labels, int classes, double testFraction)
    {
        var counts = new int[classes];
        foreach (float label in labels) counts[(int)label]++;
        int rows = labels.Length, total = (int)Math.Round(rows * testFraction);
        var share = counts.Select(n => rows == 0 ? 0.0 : (double)n * total / rows).ToArray();
        var quota = share.Select(s => (int)Math.Floor(s)).ToArray();
        int left = total - quota.Sum();
        foreach (int c in Enumerable.Range(0, classes).OrderByDescending(c => share[c] - quota[c]).ThenByDescending(c => counts[c]).ThenBy(c => c).Take(left)) quota[c]++;
        var shares = (int[])quota.Clone();
        for (int c = 0; c < classes; c++)
        {
            // A class on one side only is either never learnt or never scored (the held-out note's case).
            if (counts[c] == 1) quota[c] = 0;
            else if (counts[c] >= 2) quota[c] = Math.Clamp(quota[c], 1, counts[c] - 1);
        }
        // Only classes of one row each (a table of a handful of rows): hold out by share rather than nothing, and let
        // the held-out note say that a class was never learnt.
        return quota.Sum() == 0 ? shares : quota;
    }

    private static int[] Shuffled(int rows, int seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        new SeededRandom(seed).Shuffle(order);
        return order;
    }
}
