using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Optimizers;
using NNTrainer.Persistence;

namespace NNTrainer.Serialization;

/// <summary>The training state of the model format: loss, accuracy and optimizer (with its schedule and step count).</summary>
internal static partial class NetworkSerializer
{
    private static void WriteLoss(PayloadWriter w, Loss? loss)
    {
        // Tags 5 and 6 carry a label smoothing, so a loss without one is written as before.
        float smoothing = loss switch
        {
            CategoricalCrossEntropyLoss categorical => categorical.LabelSmoothing,
            BinaryCrossEntropyLoss binary => binary.LabelSmoothing,
            _ => 0f,
        };
        w.Write(loss switch
        {
            null => (byte)0,
            CategoricalCrossEntropyLoss => smoothing > 0f ? (byte)5 : (byte)1,
            BinaryCrossEntropyLoss => smoothing > 0f ? (byte)6 : (byte)2,
            MeanSquaredErrorLoss => (byte)3,
            MeanAbsoluteErrorLoss => (byte)4,
            _ => throw new NotSupportedException($"{loss.GetType().FullName} cannot be saved: the model format knows NNTrainer's losses only."),
        });
        if (smoothing > 0f) w.Write(smoothing);
    }

    private static Loss? ReadLoss(ref PayloadReader r)
    {
        int at = r.Position;
        byte tag = r.ReadByte("the loss type");
        return tag switch
        {
            0 => null,
            1 => new CategoricalCrossEntropyLoss(),
            2 => new BinaryCrossEntropyLoss(),
            3 => new MeanSquaredErrorLoss(),
            4 => new MeanAbsoluteErrorLoss(),
            5 => new CategoricalCrossEntropyLoss(ReadSmoothing(ref r)),
            6 => new BinaryCrossEntropyLoss(ReadSmoothing(ref r)),
            _ => throw new ModelFormatException($"Model payload byte {at}: unknown loss type {tag}."),
        };
    }

    private static void WriteAccuracy(PayloadWriter w, Accuracy? accuracy)
    {
        switch (accuracy)
        {
            case null:
                w.Write((byte)0);
                break;
            case CategoricalAccuracy:
                w.Write((byte)1);
                break;
            case BinaryAccuracy:
                w.Write((byte)2);
                break;
            case RegressionAccuracy regression:
                w.Write((byte)3);
                w.Write(regression.PrecisionDivisor);
                w.Write(regression.Precision.HasValue);
                w.Write(regression.Precision ?? 0f);
                break;
            default:
                throw new NotSupportedException($"{accuracy.GetType().FullName} cannot be saved: the model format knows NNTrainer's accuracies only.");
        }
    }

    private static Accuracy? ReadAccuracy(ref PayloadReader r)
    {
        int at = r.Position;
        byte tag = r.ReadByte("the accuracy type");
        switch (tag)
        {
            case 0:
                return null;
            case 1:
                return new CategoricalAccuracy();
            case 2:
                return new BinaryAccuracy();
            case 3:
                var regression = new RegressionAccuracy(r.ReadSingle("the precision divisor"));
                bool has = r.ReadBool("the precision flag");
                float precision = r.ReadSingle("the precision");
                if (has)
                {
                    if (!float.IsFinite(precision) || precision < 0) throw new ModelFormatException($"The saved regression precision {precision} is not a finite number ≥ 0.");
                    regression.Precision = precision;
                }
                else if (BitConverter.SingleToInt32Bits(precision) != 0)
                {
                    // Save writes 0 here; anything else is damage that would otherwise be ignored.
                    throw new ModelFormatException($"The saved regression accuracy has no precision but stores {precision} in its place; the model is damaged.");
                }
                return regression;
            default:
                throw new ModelFormatException($"Model payload byte {at}: unknown accuracy type {tag}.");
        }
    }

    private static void WriteOptimizer(PayloadWriter w, Optimizer? optimizer)
    {
        if (optimizer is null)
        {
            w.Write((byte)0);
            return;
        }
        // Every optimizer's record is its tag, the learning rate and the decay every optimizer has, then its own values.
        w.Write(optimizer switch
        {
            // Tag 6 marks Nesterov momentum, so a model without it is written as before.
            SgdOptimizer sgd => sgd.Nesterov ? (byte)6 : (byte)1,
            AdaGradOptimizer => (byte)2,
            RmsPropOptimizer => (byte)3,
            AdamOptimizer => (byte)4,
            AdamWOptimizer => (byte)5,
            _ => throw new NotSupportedException($"{optimizer.GetType().FullName} cannot be saved: the model format knows NNTrainer's optimizers only."),
        });
        w.Write(optimizer.LearningRate);
        w.Write(optimizer.Decay);
        switch (optimizer)
        {
            case SgdOptimizer sgd:
                w.Write(sgd.Momentum);
                break;
            case AdaGradOptimizer adaGrad:
                w.Write(adaGrad.Epsilon);
                break;
            case RmsPropOptimizer rmsProp:
                w.Write(rmsProp.Epsilon);
                w.Write(rmsProp.Rho);
                break;
            case AdamOptimizer adam:
                w.Write(adam.Epsilon);
                w.Write(adam.Beta1);
                w.Write(adam.Beta2);
                break;
            case AdamWOptimizer adamW:
                w.Write(adamW.Epsilon);
                w.Write(adamW.Beta1);
                w.Write(adamW.Beta2);
                w.Write(adamW.WeightDecay);
                break;
        }
        w.Write(optimizer.Iterations);
    }

    private static Optimizer? ReadOptimizer(ref PayloadReader r)
    {
        int at = r.Position;
        byte tag = r.ReadByte("the optimizer type");
        Optimizer? optimizer = tag switch
        {
            0 => null,
            1 => new SgdOptimizer(r.ReadSingle("the learning rate"), r.ReadSingle("the decay"), r.ReadSingle("the momentum")),
            2 => new AdaGradOptimizer(r.ReadSingle("the learning rate"), r.ReadSingle("the decay"), r.ReadSingle("epsilon")),
            3 => new RmsPropOptimizer(r.ReadSingle("the learning rate"), r.ReadSingle("the decay"), r.ReadSingle("epsilon"), r.ReadSingle("rho")),
            4 => new AdamOptimizer(r.ReadSingle("the learning rate"), r.ReadSingle("the decay"), r.ReadSingle("epsilon"), r.ReadSingle("beta1"), r.ReadSingle("beta2")),
            5 => ReadAdamW(ref r),
            6 => new SgdOptimizer(r.ReadSingle("the learning rate"), r.ReadSingle("the decay"), r.ReadSingle("the momentum"), nesterov: true),
            _ => throw new ModelFormatException($"Model payload byte {at}: unknown optimizer type {tag}."),
        };
        if (optimizer is null) return null;
        long iterations = r.ReadInt64("the optimizer's step count");
        if (iterations < 0) throw new ModelFormatException($"The optimizer's saved step count is {iterations}; it cannot be negative.");
        optimizer.RestoreSchedule(iterations);
        return optimizer;
    }

    private static float ReadSmoothing(ref PayloadReader r)
    {
        float smoothing = r.ReadSingle("the label smoothing");
        if (!(smoothing > 0f && smoothing < 1f)) throw new ModelFormatException($"The saved label smoothing is {smoothing}; it must be in (0, 1).");
        return smoothing;
    }

    private static AdamWOptimizer ReadAdamW(ref PayloadReader r)
    {
        float rate = r.ReadSingle("the learning rate"), decay = r.ReadSingle("the decay"), epsilon = r.ReadSingle("epsilon");
        float beta1 = r.ReadSingle("beta1"), beta2 = r.ReadSingle("beta2");
        return new AdamWOptimizer(rate, r.ReadSingle("the weight decay"), decay, epsilon, beta1, beta2);
    }
}
