namespace NNTrainer.ML;

/// <summary>
/// Finds, row by row, the feature columns that take exactly two values over the training rows — one-hot indicators
/// and yes/no flags — and maps them onto {0, 1} instead of standardising them. Standardised, an indicator set in one
/// row of 74 becomes an input of about 8.5 in that row, and a network fed a few dozen such columns learns the rows
/// rather than the categories: R's Cars93 (32 makers on 74 training rows) scored 0.41 that way against 0.76 with its
/// one-hot columns left at 0/1 and only the numeric ones standardised, which is what scikit-learn's ColumnTransformer
/// of StandardScaler and OneHotEncoder does (docs/rdata-data.md, docs/defaults.md round 14).
/// </summary>
internal sealed class IndicatorColumns
{
    private readonly float[] _first;
    private readonly float[] _second;
    // Per column: 0 no value seen, 1 one value, 2 two values, 3 more than two.
    private readonly byte[] _seen;

    /// <summary>A tracker for rows of <paramref name="columns"/> features.</summary>
    public IndicatorColumns(int columns)
    {
        _first = new float[columns];
        _second = new float[columns];
        _seen = new byte[columns];
    }

    /// <summary>Counts one training row (NaN counts as a value of its own, so a column with missing values is not an indicator).</summary>
    public void Add(ReadOnlySpan<float> row)
    {
        for (int c = 0; c < row.Length; c++)
        {
            float value = row[c];
            switch (_seen[c])
            {
                case 0:
                    _first[c] = value;
                    _seen[c] = 1;
                    break;
                case 1:
                    if (!value.Equals(_first[c])) (_second[c], _seen[c]) = (value, 2);
                    break;
                case 2:
                    if (!value.Equals(_first[c]) && !value.Equals(_second[c])) _seen[c] = 3;
                    break;
            }
        }
    }

    /// <summary>
    /// The number of columns of <paramref name="inputs"/> with exactly two values: what the small-data L2 rule's
    /// rows-per-feature variant counts instead of every input (round 11c; <c>SmallDataL2CountsTwoValued</c>).
    /// </summary>
    public static int Count(Matrix inputs)
    {
        var tracker = new IndicatorColumns(inputs.Columns);
        for (int r = 0; r < inputs.Rows; r++) tracker.Add(inputs.Row(r));
        int count = 0;
        for (int c = 0; c < inputs.Columns; c++)
        {
            if (tracker.IsIndicator(c)) count++;
        }
        return count;
    }

    /// <summary>Whether column <paramref name="column"/> took exactly two finite values over the rows counted.</summary>
    public bool IsIndicator(int column) => _seen[column] == 2 && float.IsFinite(_first[column]) && float.IsFinite(_second[column]);

    /// <summary>
    /// Replaces the standardisation of every indicator column by the map onto {0, 1}: shift by its lower value and
    /// divide by the gap between its two values. Other columns keep their means and deviations.
    /// </summary>
    /// <param name="means">Per column, what is subtracted.</param>
    /// <param name="deviations">Per column, what the difference is divided by.</param>
    /// <returns>The number of columns changed.</returns>
    public int ToUnitRange(double[] means, double[] deviations)
    {
        int count = 0;
        for (int c = 0; c < _seen.Length; c++)
        {
            if (!IsIndicator(c)) continue;
            double low = Math.Min(_first[c], _second[c]), high = Math.Max(_first[c], _second[c]);
            means[c] = low;
            deviations[c] = high - low;
            count++;
        }
        return count;
    }
}
