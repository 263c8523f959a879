namespace NNTrainer;

/// <summary>
/// The layers of the model format: one tag byte per layer, then its settings and parameters. The layers of version 1
/// are written here; the spatial layers of version 2 write and read themselves (their <c>Write</c> and <c>Read</c>).
/// </summary>
internal static partial class NetworkSerializer
{
    private enum LayerTag : byte
    {
        Dense = 1,
        Dropout = 2,
        ReLU = 10,
        LeakyReLU = 11,
        Sigmoid = 12,
        Tanh = 13,
        Softmax = 14,
        Linear = 15,
        Conv2D = 20,
        MaxPool2D = 21,
        AveragePool2D = 22,
        BatchNormalization = 23,
        Flatten = 24,
    }

    private static void WriteLayer(PayloadWriter w, Layer layer)
    {
        switch (layer)
        {
            case DenseLayer d:
                w.Write((byte)LayerTag.Dense);
                w.Write(d.InputSize);
                w.Write(d.Neurons);
                w.Write((byte)d.Initializer);
                w.Write(d.Weights.L1);
                w.Write(d.Weights.L2);
                w.Write(d.Biases.L1);
                w.Write(d.Biases.L2);
                LayerPersistence.WriteParameter(w, d.Weights);
                LayerPersistence.WriteParameter(w, d.Biases);
                break;
            case DropoutLayer dropout:
                w.Write((byte)LayerTag.Dropout);
                w.Write(dropout.Rate);
                break;
            case ReLUActivation:
                w.Write((byte)LayerTag.ReLU);
                break;
            case LeakyReLUActivation leaky:
                w.Write((byte)LayerTag.LeakyReLU);
                w.Write(leaky.Alpha);
                break;
            case SigmoidActivation:
                w.Write((byte)LayerTag.Sigmoid);
                break;
            case TanhActivation:
                w.Write((byte)LayerTag.Tanh);
                break;
            case SoftmaxActivation:
                w.Write((byte)LayerTag.Softmax);
                break;
            case LinearActivation:
                w.Write((byte)LayerTag.Linear);
                break;
            case Conv2DLayer conv:
                w.Write((byte)LayerTag.Conv2D);
                conv.Write(w);
                break;
            case MaxPool2DLayer max:
                w.Write((byte)LayerTag.MaxPool2D);
                max.Write(w);
                break;
            case AveragePool2DLayer average:
                w.Write((byte)LayerTag.AveragePool2D);
                average.Write(w);
                break;
            case BatchNormalizationLayer batchNorm:
                w.Write((byte)LayerTag.BatchNormalization);
                batchNorm.Write(w);
                break;
            case FlattenLayer flatten:
                w.Write((byte)LayerTag.Flatten);
                LayerPersistence.WriteShape(w, flatten.InputShape);
                break;
            default:
                throw new NotSupportedException($"{layer.GetType().FullName} cannot be saved: the model format knows the layers and activations of NNTrainer only.");
        }
    }

    private static Layer ReadLayer(ref PayloadReader r, int index, int version)
    {
        int at = r.Position;
        var tag = (LayerTag)r.ReadByte($"the type of layer {index}");
        if (tag >= LayerTag.Conv2D && tag <= LayerTag.Flatten && version < SpatialVersion)
        {
            throw new ModelFormatException($"Model payload byte {at}: layer {index} is a {tag} layer, which format version {version} does not have (it came with version {SpatialVersion}).");
        }
        string what = $"layer {index}";
        switch (tag)
        {
            case LayerTag.Conv2D:
                return Conv2DLayer.Read(ref r, what);
            case LayerTag.MaxPool2D:
                return MaxPool2DLayer.Read(ref r, what);
            case LayerTag.AveragePool2D:
                return AveragePool2DLayer.Read(ref r, what);
            case LayerTag.BatchNormalization:
                return BatchNormalizationLayer.Read(ref r, what);
            case LayerTag.Flatten:
                return new FlattenLayer(LayerPersistence.ReadShape(ref r, $"the input shape of {what}"));
            case LayerTag.Dense:
                int inputs = r.ReadCount($"the input size of layer {index}", 1, MaxWidth, 4);
                int neurons = r.ReadCount($"the neuron count of layer {index}", 1, MaxWidth, 4);
                if ((long)inputs * neurons * 4 > r.Remaining)
                {
                    throw new ModelFormatException($"Model payload byte {at}: layer {index} declares {inputs}x{neurons} weights, more than the {r.Remaining} bytes that remain.");
                }
                var initializer = (WeightInitializer)r.ReadByte($"the initializer of layer {index}");
                float wl1 = r.ReadSingle("an L1 strength"), wl2 = r.ReadSingle("an L2 strength");
                float bl1 = r.ReadSingle("an L1 strength"), bl2 = r.ReadSingle("an L2 strength");
                var dense = new DenseLayer(inputs, neurons, wl1, wl2, bl1, bl2, initializer);
                LayerPersistence.ReadParameter(ref r, dense.Weights, $"the weights of layer {index}");
                LayerPersistence.ReadParameter(ref r, dense.Biases, $"the biases of layer {index}");
                return dense;
            case LayerTag.Dropout:
                return new DropoutLayer(r.ReadSingle($"the dropout rate of layer {index}"));
            case LayerTag.ReLU:
                return new ReLUActivation();
            case LayerTag.LeakyReLU:
                return new LeakyReLUActivation(r.ReadSingle($"the slope of layer {index}"));
            case LayerTag.Sigmoid:
                return new SigmoidActivation();
            case LayerTag.Tanh:
                return new TanhActivation();
            case LayerTag.Softmax:
                return new SoftmaxActivation();
            case LayerTag.Linear:
                return new LinearActivation();
            default:
                throw new ModelFormatException($"Model payload byte {at}: layer {index} has unknown type {(byte)tag}.");
        }
    }
}
