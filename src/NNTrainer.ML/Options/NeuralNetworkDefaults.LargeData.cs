namespace NNTrainer.ML;

public static partial class NeuralNetworkDefaults
{
    /// <summary>Up to this many training rows the L2 penalty is not lowered (<see cref="LargeDataL2For(float, long)"/>): 10,000.</summary>
    public const int LargeDataRowsFrom = 10_000;

    /// <summary>From this many training rows on the L2 penalty is a tenth of the given one (<see cref="LargeDataL2For(float, long)"/>): 40,000.</summary>
    public const int LargeDataRowsUpTo = 40_000;

    /// <summary>
    /// The L2 penalty a training set of <paramref name="rows"/> rows gets from <paramref name="l2"/> when
    /// <c>ScaleL2ForLargeData</c> is on: <paramref name="l2"/> itself up to <see cref="LargeDataRowsFrom"/> (10,000)
    /// rows, a tenth of it from <see cref="LargeDataRowsUpTo"/> (40,000) rows on, and log-linear in between. With the
    /// default 0.001 that is scikit-learn's alpha, 0.0001, on large sets. On Fashion-MNIST (48,000 training rows) it took
    /// held-out accuracy from 0.876 to 0.883, against scikit-learn's 0.885; 8,000 rows gave 0.853 with 0.001 and 0.855 with
    /// 0.0001, so smaller sets keep the penalty they were measured with (docs/defaults.md).
    /// </summary>
    /// <param name="l2">The penalty for training sets of up to 10,000 rows.</param>
    /// <param name="rows">Training rows.</param>
    /// <returns>The penalty to train with.</returns>
    public static float LargeDataL2For(float l2, long rows)
    {
        if (rows <= LargeDataRowsFrom) return l2;
        double t = Math.Clamp(Math.Log((double)rows / LargeDataRowsFrom) / Math.Log((double)LargeDataRowsUpTo / LargeDataRowsFrom), 0, 1);
        return (float)(l2 * Math.Pow(0.1, t));
    }

    /// <summary>
    /// From this many training rows on the trainers may train the long way (<c>LongTraining</c>: the work budget's epochs
    /// and the penalty by rows per parameter, kept when a held-out tenth of the rows scores it better): 1,000 (5,000,
    /// <see cref="AnnealedRowsFrom"/>, from round 13 to round 15). Between 1,000 and 5,000 rows MASS's Aids2 (2,274
    /// training rows, 17 inputs) went from 0.967 to 0.980 and the UCI segment table (1,848) from 0.967 to 0.976, where the
    /// lighter penalty alone lost 0.011–0.015 on four noisy tables that the hold-out keeps at the usual training
    /// (docs/defaults.md, round 16). Below 1,000 rows a tenth is too few to judge by, as for <see cref="HoldOutEpochsRowsFrom"/>.
    /// </summary>
    public const int LongTrainingRowsFrom = 1_000;

    /// <summary>
    /// Up to this many training rows per trainable parameter a training set of <see cref="LongTrainingRowsFrom"/> rows or more
    /// keeps the whole L2 penalty of the long training (<see cref="LargeDataL2For(float, long, long)"/>): 0.125.
    /// </summary>
    public const double LargeDataRowsPerParameterFrom = 0.125;

    /// <summary>From this many training rows per trainable parameter on the long training's L2 penalty is a tenth of the given one (<see cref="LargeDataL2For(float, long, long)"/>): 0.5.</summary>
    public const double LargeDataRowsPerParameterUpTo = 0.5;

    /// <summary>
    /// The L2 penalty of the long training (<see cref="EpochWorkBudget"/>) on <paramref name="rows"/> rows for a network of
    /// <paramref name="parameters"/> trainable values, when <c>ScaleL2ForLargeData</c> is on: below
    /// <see cref="LongTrainingRowsFrom"/> (1,000) rows <paramref name="l2"/> itself; from there on <paramref name="l2"/> up to
    /// <see cref="LargeDataRowsPerParameterFrom"/> (0.125) rows per parameter, a tenth of it from
    /// <see cref="LargeDataRowsPerParameterUpTo"/> (0.5) on, and log-linear in between. For the default network on
    /// Fashion-MNIST's 784 pixels (79,510 parameters) this is <see cref="LargeDataL2For(float, long)"/>'s rule by rows;
    /// a table of few inputs has far more rows per parameter and gets the lighter penalty sooner: LetterRecognition (16
    /// inputs, 16,000 rows, 3.7 rows per parameter) scored 0.937 with the 0.00046 its rows give and 0.953 with 0.0001,
    /// both at 200 epochs (docs/defaults.md, round 13).
    /// </summary>
    /// <param name="l2">The penalty for small training sets.</param>
    /// <param name="rows">Training rows.</param>
    /// <param name="parameters">The network's trainable values (<see cref="DenseParameters"/> for the dense architectures; 0: not known, no change).</param>
    /// <returns>The penalty to train with.</returns>
    public static float LargeDataL2For(float l2, long rows, long parameters)
    {
        if (rows < LongTrainingRowsFrom || parameters <= 0) return l2;
        double perParameter = (double)rows / parameters;
        double t = Math.Clamp(Math.Log(perParameter / LargeDataRowsPerParameterFrom) / Math.Log(LargeDataRowsPerParameterUpTo / LargeDataRowsPerParameterFrom), 0, 1);
        return t == 0 ? l2 : (float)(l2 * Math.Pow(0.1, t));
    }

    /// <summary>
    /// The trainable values of a dense network: weights and biases of each hidden layer and of the output layer.
    /// </summary>
    /// <param name="inputs">Input features.</param>
    /// <param name="hiddenLayers">Neurons per hidden layer.</param>
    /// <param name="outputs">Output neurons.</param>
    /// <returns>Σ (fan-in + 1) × fan-out over the layers.</returns>
    public static long DenseParameters(int inputs, IReadOnlyList<int> hiddenLayers, int outputs)
    {
        long count = 0;
        int size = inputs;
        foreach (int neurons in hiddenLayers)
        {
            count += (size + 1L) * neurons;
            size = neurons;
        }
        return count + (size + 1L) * outputs;
    }

    /// <summary>
    /// From this many training rows on, a training with the automatic epochs and no schedule of its own lowers the learning rate along a cosine
    /// from its start to 0 over all its weight updates (<c>AnnealLearningRateOnLargeData</c>, <see cref="AnnealsLearningRate"/>): 5,000.
    /// </summary>
    public const int AnnealedRowsFrom = 5_000;

    /// <summary>
    /// The factor on the usual training's L2 penalty of the third candidate the long-training choice weighs on tables of
    /// <see cref="LongTrainingRowsFrom"/> to <see cref="AnnealedRowsFrom"/> rows (<c>StrongerPenaltyInBand</c>): 10, as
    /// <c>--l2 0.01</c> was on R's bfi, CHFLS and segmentation (docs/defaults.md, round 16c).
    /// </summary>
    public const float StrongerPenaltyFactor = 10f;

    /// <summary>
    /// How many standard errors of the mean per-row difference (<c>PairedMargin</c>) the stronger penalty's held-out losses
    /// must lie below the other choice's before the long-training choice takes it: 2, a one-sided false pick about 2.5 %
    /// of the time when the two trainings are in truth equal (docs/defaults.md, round 17). Chosen from that principle, not fitted to tables.
    /// </summary>
    public const double StrongerPenaltyMargin = 2.0;

    /// <summary>
    /// Whether a training set of <paramref name="rows"/> rows gets the cosine learning-rate decay when
    /// <c>AnnealLearningRateOnLargeData</c> is on: from <see cref="AnnealedRowsFrom"/> (5,000) rows on. Such sets get few
    /// epochs (<see cref="Epochs(long, int)"/>: 40 for 8,000 rows in batches of 32, 10 from 32,000 on), and at a constant rate the last
    /// ones still jump around the minimum: Fashion-MNIST went from 0.853 to 0.864 (8,000 rows, 5 splits) and from 0.879 to
    /// 0.898 (48,000 rows, 1 split) at the same number of epochs. Smaller sets train for 80–200 epochs, and there the decay
    /// fits the training rows too closely: a 2,400-row table lost 0.020 accuracy, the Friedman sets (1,600 rows) up to 0.014
    /// R² (docs/defaults.md, round 4).
    /// </summary>
    /// <param name="rows">Training rows.</param>
    /// <returns>True from <see cref="AnnealedRowsFrom"/> rows on.</returns>
    public static bool AnnealsLearningRate(long rows) => rows >= AnnealedRowsFrom;

    /// <summary>
    /// The work of the long training a table of <see cref="LongTrainingRowsFrom"/> rows or more may get (<c>LongTraining</c>
    /// in the trainers): at least enough passes for this many parameter-rows (training rows × the network's trainable
    /// values, per pass), up to 200 epochs: 10¹⁰, about 40 % of the default network's training on 8,000 Fashion-MNIST
    /// images. A table of few inputs makes a small network whose 10,000 updates are a few passes: LetterRecognition (16
    /// inputs, 16,000 rows) got 20 epochs and 0.894 against scikit-learn's 0.952, and its long training 145 epochs and
    /// 0.951. A noisy table loses with it (mlbench's waveform 0.857 → 0.832, adult 0.854 → 0.851), so the trainers
    /// train both ways on nine tenths of the rows and keep the one the last tenth scores better (docs/defaults.md, round 13).
    /// </summary>
    public const double EpochWorkBudget = 1e10;

    /// <summary>
    /// The epochs of the long training, for a network of <paramref name="parameters"/> trainable values:
    /// <see cref="Epochs(long, int)"/> (about <see cref="TargetSteps"/> weight updates), and from
    /// <see cref="LongTrainingRowsFrom"/> rows on at least enough passes for <paramref name="workBudget"/> parameter-rows
    /// (rows × parameters per pass), within [<see cref="MinimumEpochs"/>, <see cref="MaximumEpochs"/>]. A budget of 0
    /// counts weight updates only.
    /// </summary>
    /// <param name="rows">Training rows.</param>
    /// <param name="batchSize">Rows per weight update.</param>
    /// <param name="parameters">The network's trainable values (<see cref="DenseParameters"/> for the dense architectures).</param>
    /// <param name="workBudget">Parameter-rows the training may spend: <see cref="EpochWorkBudget"/> by default.</param>
    /// <returns>The number of epochs.</returns>
    public static int Epochs(long rows, int batchSize, long parameters, double workBudget = EpochWorkBudget)
    {
        int byUpdates = Epochs(rows, batchSize);
        if (workBudget <= 0 || rows < LongTrainingRowsFrom || parameters <= 0) return byUpdates;
        double byWork = Math.Ceiling(workBudget / ((double)rows * parameters));
        return (int)Math.Clamp(Math.Max(byUpdates, byWork), MinimumEpochs, MaximumEpochs);
    }
}
