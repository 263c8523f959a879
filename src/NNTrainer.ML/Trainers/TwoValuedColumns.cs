namespace NNTrainer.ML;

/// <summary>
/// Counts the inputs that take exactly two values over the training rows: one-hot indicators (and yes/no flags). The
/// small-data L2 rule's rows-per-feature variant counts these rather than every input (round 11c): a one-hot column is
/// fitted by a weight of its own from the few rows of its category, while dense pixels share what they show (fmnist_1k,
/// 1 row per input, wants no more penalty; newspaper churn, 5.5 rows per one-hot column, wants ten times it).
/// </summary>
internal static class TwoValuedColumns
{
    /// <summary>The number of columns of <paramref name="inputs"/> with exactly two distinct values.</summary>
    public static int Count(Matrix inputs)
    {
        int count = 0;
        for (int column = 0; column < inputs.Columns; column++)
        {
            if (IsTwoValued(inputs, column)) count++;
        }
        return count;
    }

    private static bool IsTwoValued(Matrix inputs, int column)
    {
        float first = inputs[0, column], second = first;
        for (int row = 1; row < inputs.Rows; row++)
        {
            float value = inputs[row, column];
            if (value == first || value == second) continue;
            if (second != first) return false;
            second = value;
        }
        return second != first;
    }
}
