namespace NNTrainer.Cli.Evaluation;

/// <summary>
/// Binary classification metrics in one pass, as ML.NET's <c>BinaryClassification.Evaluate</c> defines them: a row is
/// predicted positive when its raw score is above 0 (ML.NET's default threshold on the raw score, whatever the
/// PredictedLabel column says); log loss is in bits from the calibrated probability, unclamped (a probability of
/// exactly 0 for a positive row makes it infinite, as in ML.NET); rows whose raw score is not finite are left out.
/// AUC and AUPRC come from a <see cref="RankingCurve"/> over the raw score.
/// </summary>
internal sealed class StreamingBinaryMetrics(int exactLimit = RankingCurve.DefaultExactLimit)
{
    private long _truePositives, _trueNegatives, _falsePositives, _falseNegatives;
    private long _logLossPositives, _logLossNegatives;
    private CompensatedSum _logLoss;

    /// <summary>The raw scores ranked per class, for AUC and AUPRC.</summary>
    public RankingCurve Ranking { get; } = new(exactLimit);

    /// <summary>Rows counted.</summary>
    public long Count => _truePositives + _trueNegatives + _falsePositives + _falseNegatives;

    /// <summary>Rows left out because their raw score was NaN or infinite.</summary>
    public long BadScores { get; private set; }

    /// <summary>Adds a row: its class, its raw score, and its probability of the positive class (NaN when the model has none).</summary>
    public void Add(bool positive, float score, float probability)
    {
        if (!float.IsFinite(score)) { BadScores++; return; }
        bool predictedPositive = score > 0f;
        if (positive)
        {
            if (predictedPositive) _truePositives++;
            else _falseNegatives++;
        }
        else if (predictedPositive) _falsePositives++;
        else _trueNegatives++;
        if (!float.IsNaN(probability))
        {
            if (positive) _logLossPositives++;
            else _logLossNegatives++;
        }
        // NaN once any probability is NaN, as ML.NET's sum.
        _logLoss.Add(positive ? -Math.Log(probability, 2) : -Math.Log(1.0 - probability, 2));
        Ranking.Add(score, positive);
    }

    /// <summary>The fraction of rows whose raw score is on the side of 0 of their class.</summary>
    public double Accuracy => (double)(_truePositives + _trueNegatives) / Count;

    /// <summary>Positive precision: TP / (TP + FP), 0 when nothing was predicted positive.</summary>
    public double Precision => _truePositives + _falsePositives > 0 ? (double)_truePositives / (_truePositives + _falsePositives) : 0;

    /// <summary>Positive recall: TP / (TP + FN), 0 without positive rows.</summary>
    public double Recall => _truePositives + _falseNegatives > 0 ? (double)_truePositives / (_truePositives + _falseNegatives) : 0;

    /// <summary>Negative precision: TN / (TN + FN), 0 when nothing was predicted negative.</summary>
    public double NegativePrecision => _trueNegatives + _falseNegatives > 0 ? (double)_trueNegatives / (_trueNegatives + _falseNegatives) : 0;

    /// <summary>Negative recall: TN / (TN + FP), 0 without negative rows.</summary>
    public double NegativeRecall => _trueNegatives + _falsePositives > 0 ? (double)_trueNegatives / (_trueNegatives + _falsePositives) : 0;

    /// <summary>The harmonic mean of positive precision and recall, 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Mean log loss in bits over the rows with a probability; NaN if a probability was NaN.</summary>
    public double LogLoss
    {
        get
        {
            double sum = _logLoss.Value;
            long rows = _logLossPositives + _logLossNegatives;
            return double.IsNaN(sum) ? double.NaN : rows > 0 ? sum / rows : 0;
        }
    }

    /// <summary>The entropy of the test set's class prior in bits: the log loss of always answering the positive rate.</summary>
    public double Entropy => BinaryEntropy((double)(_truePositives + _falseNegatives) / Count);

    /// <summary>(prior log loss − log loss) / prior log loss, the prior from the rows with a probability.</summary>
    public double LogLossReduction
    {
        get
        {
            long rows = _logLossPositives + _logLossNegatives;
            if (rows == 0) return 0;
            double prior = BinaryEntropy((double)_logLossPositives / rows);
            return (prior - _logLoss.Value / rows) / prior;
        }
    }

    /// <summary>AUC of the raw score; NaN when one class is absent (ML.NET throws there).</summary>
    public double Auc => Ranking.Auc();

    /// <summary>Area under the precision-recall curve of the raw score (ML.NET's lower trapezoid estimator).</summary>
    public double AuPrc => Ranking.AuPrc();

    private static double BinaryEntropy(double p) =>
        p <= 0 || p >= 1 ? 0 : -(p * Math.Log(p, 2) + (1 - p) * Math.Log(1 - p, 2));
}
