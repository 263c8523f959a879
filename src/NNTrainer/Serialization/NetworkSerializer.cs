using System.Buffers.Binary;
using System.Text;

namespace NNTrainer;

/// <summary>
/// The model format: an 8-byte magic ("NNTRAINR"), a format version, the payload length, the payload
/// (architecture, weights, loss, accuracy, optimizer state, random-source state) and a CRC-32 of the payload.
/// </summary>
/// <remarks>
/// The payload is read completely and its checksum verified before any of it is interpreted, and every size in
/// it is checked against the bytes that remain before anything is allocated, so a damaged file cannot cause a
/// huge allocation. Saving to a path writes a temporary file beside it and renames it over the target, so an
/// interrupted save leaves the previous file intact.
/// </remarks>
internal static class NetworkSerializer
{
    public const int FormatVersion = 1;
    private const int HeaderLength = 8 + 2 + 2 + 8;
    private const int MaxLayers = 4096;
    private const int MaxWidth = 1 << 24;
    private const long MaxPayload = int.MaxValue - 64;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("NNTRAINR");

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
    }

    public static void Save(Network network, string path) =>
        Save(network, path, temporary => new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None));

    /// <summary>Saves through <paramref name="createTemporary"/>, which opens the temporary file (tests pass one that fails part-way).</summary>
    internal static void Save(Network network, string path, Func<string, Stream> createTemporary)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        // Serialise first: an unsupported layer must fail before any file is touched.
        var bytes = Serialize(network);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = createTemporary(temp))
            {
                file.Write(bytes);
                if (file is FileStream onDisk) onDisk.Flush(flushToDisk: true);
                else file.Flush();
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void Save(Network network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Serialize(network));
    }

    public static Network Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return Load(file);
        }
        catch (ModelFormatException e)
        {
            throw new ModelFormatException($"{path}: {e.Message}", e);
        }
    }

    public static Network Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[HeaderLength];
        int got = ReadFully(stream, header);
        if (got < Magic.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ModelFormatException("Not an NNTrainer model: the data does not start with the \"NNTRAINR\" signature.");
        }
        if (got < HeaderLength) throw new ModelFormatException($"The model is truncated: the header needs {HeaderLength} bytes, found {got}.");
        int version = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        if (version == 0 || version > FormatVersion)
        {
            throw new ModelFormatException($"The model has format version {version}; this library reads versions 1 to {FormatVersion}. Upgrade NNTrainer to load it.");
        }
        // The header is outside the checksum, so its reserved field must be exactly what Save writes.
        int reserved = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
        if (reserved != 0)
        {
            throw new ModelFormatException($"The model header's reserved field is 0x{reserved:X4}; it must be 0. The file is damaged.");
        }
        long length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(12));
        if (length <= 0 || length > MaxPayload)
        {
            throw new ModelFormatException($"The model header declares a payload of {length} bytes, which is impossible.");
        }
        if (stream.CanSeek && length + 4 > stream.Length - stream.Position)
        {
            throw new ModelFormatException($"The model is truncated: the header declares {length} payload bytes plus a 4-byte checksum, but only {stream.Length - stream.Position} bytes follow.");
        }
        var payload = ReadPayload(stream, length);
        var crcBytes = new byte[4];
        if (ReadFully(stream, crcBytes) < 4) throw new ModelFormatException("The model is truncated: its checksum is missing.");
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(crcBytes);
        uint actual = Crc32.Compute(payload);
        if (expected != actual)
        {
            throw new ModelFormatException($"The model is corrupted: its checksum is 0x{expected:X8} but its contents hash to 0x{actual:X8}.");
        }
        try
        {
            return Deserialize(payload);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new ModelFormatException($"The model describes an impossible network: {e.Message}", e);
        }
    }

    private static byte[] Serialize(Network network)
    {
        if (!network.IsBuilt) throw new InvalidOperationException("Only a built network can be saved: call Build or Fit first.");
        var w = new PayloadWriter();
        w.Write(network.Seed);
        w.Write(network.Layers.Count);
        foreach (var layer in network.Layers) WriteLayer(w, layer);
        WriteLoss(w, network.Loss);
        WriteAccuracy(w, network.Accuracy);
        WriteOptimizer(w, network.Optimizer);
        var (s0, s1, s2, s3, spare, hasSpare) = network.Random.CaptureState();
        w.Write(s0);
        w.Write(s1);
        w.Write(s2);
        w.Write(s3);
        w.Write(spare);
        w.Write(hasSpare);
        var payload = w.ToArray();

        var bytes = new byte[HeaderLength + payload.Length + 4];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 0);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12), payload.Length);
        payload.CopyTo(bytes, HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(HeaderLength + payload.Length), Crc32.Compute(payload));
        return bytes;
    }

    private static Network Deserialize(ReadOnlySpan<byte> payload)
    {
        var r = new PayloadReader(payload);
        int seed = r.ReadInt32("the seed");
        var network = new Network(seed);
        int layerCount = r.ReadCount("the layer count", 1, MaxLayers, 1);
        for (int i = 0; i < layerCount; i++) network.Add(ReadLayer(ref r, i));
        var loss = ReadLoss(ref r);
        var accuracy = ReadAccuracy(ref r);
        var optimizer = ReadOptimizer(ref r);
        network.Loss = loss;
        network.Accuracy = accuracy;
        network.Optimizer = optimizer;
        var state = (r.ReadUInt64("the random state"), r.ReadUInt64("the random state"), r.ReadUInt64("the random state"),
            r.ReadUInt64("the random state"), r.ReadDouble("the random state"), r.ReadBool("the random state"));
        if (state.Item1 == 0 && state.Item2 == 0 && state.Item3 == 0 && state.Item4 == 0)
        {
            throw new ModelFormatException("The saved random state is all zeros, which the generator can never reach.");
        }
        if (r.Remaining != 0)
        {
            throw new ModelFormatException($"The model payload has {r.Remaining} unexpected bytes after its end at byte {r.Position}.");
        }
        network.BuildLoaded();
        network.Random.RestoreState(state);
        return network;
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
                WriteParameter(w, d.Weights);
                WriteParameter(w, d.Biases);
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
            default:
                throw new NotSupportedException($"{layer.GetType().FullName} cannot be saved: the model format knows the layers and activations of NNTrainer only.");
        }
    }

    private static void WriteParameter(PayloadWriter w, Parameter p)
    {
        w.Write(p.Values);
        w.Write(p.Momentums is not null);
        if (p.Momentums is not null) w.Write(p.Momentums);
        w.Write(p.Cache is not null);
        if (p.Cache is not null) w.Write(p.Cache);
    }

    private static Layer ReadLayer(ref PayloadReader r, int index)
    {
        int at = r.Position;
        var tag = (LayerTag)r.ReadByte($"the type of layer {index}");
        switch (tag)
        {
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
                ReadParameter(ref r, dense.Weights, $"the weights of layer {index}");
                ReadParameter(ref r, dense.Biases, $"the biases of layer {index}");
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

    private static void ReadParameter(ref PayloadReader r, Parameter p, string what)
    {
        r.ReadFinite(p.Values, what);
        if (r.ReadBool($"the momentum flag of {what}")) r.ReadFinite(p.EnsureMomentums(), $"the momentums of {what}");
        if (r.ReadBool($"the cache flag of {what}"))
        {
            var cache = p.EnsureCache();
            r.ReadFinite(cache, $"the cache of {what}");
            foreach (float c in cache)
            {
                if (c < 0f) throw new ModelFormatException($"The cache of {what} holds {c}; squared-gradient caches are never negative.");
            }
        }
    }

    private static void WriteLoss(PayloadWriter w, Loss? loss)
    {
        // Tags 5 and 6 carry a label smoothing, so a loss without one is written as before.
        float smoothing = loss is null ? 0f : LabelSmoothing.Of(loss);
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
        switch (optimizer)
        {
            case null:
                w.Write((byte)0);
                return;
            case SgdOptimizer sgd:
                // Tag 6 marks Nesterov momentum, so a model without it is written as before.
                w.Write(sgd.Nesterov ? (byte)6 : (byte)1);
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
            case AdamWOptimizer adamW:
                w.Write((byte)5);
                w.Write(adamW.LearningRate);
                w.Write(adamW.Decay);
                w.Write(adamW.Epsilon);
                w.Write(adamW.Beta1);
                w.Write(adamW.Beta2);
                w.Write(adamW.WeightDecay);
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

    private static byte[] ReadPayload(Stream stream, long length)
    {
        // Read in bounded chunks: on a stream that cannot tell its length, an inflated length field then
        // fails at the real end of the data instead of allocating the declared size up front.
        const int Chunk = 1 << 20;
        if (length <= Chunk)
        {
            var small = new byte[length];
            if (ReadFully(stream, small) < length) throw Truncated(length);
            return small;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[Chunk];
        long remaining = length;
        while (remaining > 0)
        {
            int want = (int)Math.Min(Chunk, remaining);
            int got = ReadFully(stream, chunk.AsSpan(0, want));
            buffer.Write(chunk, 0, got);
            if (got < want) throw Truncated(length);
            remaining -= got;
        }
        return buffer.ToArray();
    }

    private static ModelFormatException Truncated(long length) =>
        new($"The model is truncated: the header declares {length} payload bytes but the data ends before that.");

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
