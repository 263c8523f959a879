namespace NNTrainer;

/// <summary>The training state of the model format: loss, accuracy and optimizer (with its schedule and step count).</summary>
internal static partial class NetworkSerializer
{
    private static void WriteLoss(PayloadWriter w, Loss? loss) => w.Write(loss switch
    {
        null => (byte)0,
        CategoricalCrossEntropyLoss => (byte)1,
        BinaryCrossEntropyLoss => (byte)2,
        MeanSquaredErrorLoss => (byte)3,
        MeanAbsoluteErrorLoss => (byte)4,
        _ => throw new NotSupportedException($"{loss.GetType().FullName} cannot be saved: the model format knows NNTrainer's losses only."),
    });

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
        switch (optimizer)
        {
            case null:
                w.Write((byte)0);
                return;
            case SgdOptimizer sgd:
                w.Write((byte)1);
                w.Write(sgd.LearningRate);
                w.Write(sgd.Decay);
                w.Write(sgd.Momentum);
                break;
            case AdaGradOptimizer adaGrad:
                w.Write((byte)2);
                w.Write(adaGrad.LearningRate);
                w.Write(adaGrad.Decay);
                w.Write(adaGrad.Epsilon);
                break;
            case RmsPropOptimizer rmsProp:
                w.Write((byte)3);
                w.Write(rmsProp.LearningRate);
                w.Write(rmsProp.Decay);
                w.Write(rmsProp.Epsilon);
                w.Write(rmsProp.Rho);
                break;
            case AdamOptimizer adam:
                w.Write((byte)4);
                w.Write(adam.LearningRate);
                w.Write(adam.Decay);
                w.Write(adam.Epsilon);
                w.Write(adam.Beta1);
                w.Write(adam.Beta2);
                break;
            default:
                throw new NotSupportedException($"{optimizer.GetType().FullName} cannot be saved: the model format knows NNTrainer's optimizers only.");
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
            _ => throw new ModelFormatException($"Model payload byte {at}: unknown optimizer type {tag}."),
        };
        if (optimizer is null) return null;
        long iterations = r.ReadInt64("the optimizer's step count");
        if (iterations < 0) throw new ModelFormatException($"The optimizer's saved step count is {iterations}; it cannot be negative.");
        optimizer.RestoreSchedule(iterations);
        return optimizer;
    }
}
