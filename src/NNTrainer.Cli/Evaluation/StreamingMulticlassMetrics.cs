namespace NNTrainer.Cli.Evaluation;

/// <summary>
/// Multiclass metrics in one pass, as ML.NET's <c>MulticlassClassification.Evaluate</c> defines them: the predicted
/// class is the first highest score (ML.NET ignores the PredictedLabel column); log loss is natural, with the true
/// class's score clamped to [1e-15, 1]; rows with a NaN or infinite score are left out. Memory is the confusion
/// matrix, whatever the row count.
/// </summary>
internal sealed class StreamingMulticlassMetrics
{
    private const float Epsilon = 1e-15f;
    private readonly long[,] _confusion;
    private readonly long[] _perClass;
    private CompensatedSum _logLoss;
    private long _correct;

    /// <summary>Empty metrics over <paramref name="classes"/> classes, numbered from 0.</summary>
    public StreamingMulticlassMetrics(int classes)
    {
        _confusion = new long[classes, classes];
        _perClass = new long[classes];
    }

    /// <summary>The number of classes the scores have.</summary>
    public int Classes => _perClass.Length;

    /// <summary>Rows counted.</summary>
    public long Count { get; private set; }

    /// <summary>Rows left out because a score was NaN or infinite.</summary>
    public long BadScores { get; private set; }

    /// <summary>Adds a row: its class index (from 0) and its score per class.</summary>
    public void Add(int label, ReadOnlySpan<float> scores)
    {
        int predicted = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!float.IsFinite(scores[i])) { BadScores++; return; }
            if (scores[i] > scores[predicted]) predicted = i;
        }
        Count++;
        _perClass[label]++;
        _confusion[label, predicted]++;
        if (predicted == label) _correct++;
        _logLoss.Add(-Math.Log(Math.Min(1f, Math.Max(Epsilon, scores[label]))));
    }

    /// <summary>Rows whose true class is <paramref name="actual"/> and predicted class <paramref name="predicted"/>.</summary>
    public long Confusion(int actual, int predicted) => _confusion[actual, predicted];

    /// <summary>The fraction of rows predicted right; 0 without rows.</summary>
    public double MicroAccuracy => Count > 0 ? (double)_correct / Count : 0;

    /// <summary>The mean over the classes present of each class's recall; 0 without rows.</summary>
    public double MacroAccuracy
    {
        get
        {
            double sum = 0;
            int present = 0;
            for (int k = 0; k < Classes; k++)
            {
                if (_perClass[k] == 0) continue;
                present++;
                sum += (double)_confusion[k, k] / _perClass[k];
            }
            return present > 0 ? sum / present : 0;
        }
    }

    /// <summary>Mean natural log loss; 0 without rows.</summary>
    public double LogLoss => Count > 0 ? _logLoss.Value / Count : 0;

    /// <summary>(prior entropy − log loss) / prior entropy, the prior being the class frequencies of these rows.</summary>
    public double LogLossReduction
    {
        get
        {
            double entropy = 0;
            for (int k = 0; k < Classes; k++)
            {
                if (_perClass[k] > 0) entropy -= _perClass[k] * Math.Log((double)_perClass[k] / Count);
            }
            entropy /= Count;
            return (entropy - LogLoss) / entropy;
        }
    }
}
