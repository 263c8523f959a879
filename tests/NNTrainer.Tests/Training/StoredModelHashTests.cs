using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Training;

/// <summary>
/// Seeded models trained on every training path that existed before the training-step seam (issue 16), held to SHA-256
/// hashes of their weights and per-epoch losses stored as constants: any refactoring of the training loop must leave
/// every one of them bit-identical. The GEMM kernels' blocking depends on the vector width, so the hashes are stored
/// per instruction set (AVX-512, and AVX2 measured with <c>DOTNET_EnableAVX512F=0</c>).
/// </summary>
public class StoredModelHashTests
{
    /// <summary>The path a model trains on (mapped to the loop's switches in <see cref="Train"/>).</summary>
    public enum Path
    {
        FusedSmallInput,
        FusedGeneral,
        LayerByLayer,
    }

    private static readonly Dictionary<string, (string Avx512, string Avx2)> Expected = new()
    {
        ["classifier"] = ("9AA26DC20BE9C6DFD18C7EA7E7EFE9C3E98AADAC680052028D6172B735277A28", "9AA26DC20BE9C6DFD18C7EA7E7EFE9C3E98AADAC680052028D6172B735277A28"),
        ["deep classifier"] = ("B7C4576F99668A5D93B36276ABB3A2D6740FD14370153D8FCBA3F95866E9F818", "B7C4576F99668A5D93B36276ABB3A2D6740FD14370153D8FCBA3F95866E9F818"),
        ["sigmoid binary"] = ("4ADAF02F3BBB642FD1F7A58C96C19C3AB945BBF95C7C79B59381CCC8A7AEA3A0", "4ADAF02F3BBB642FD1F7A58C96C19C3AB945BBF95C7C79B59381CCC8A7AEA3A0"),
        ["mse regression"] = ("E4939CB8D11DD890F8B5A9211FABE29481DD24008574F4AFB43856C7F31667FF", "E4939CB8D11DD890F8B5A9211FABE29481DD24008574F4AFB43856C7F31667FF"),
        ["dropout"] = ("B57CDF8E40FCBBE9E5EFD1D20A0C4CBCAE92A46E91D74A9BCC1DA40AF5E43CE9", "B57CDF8E40FCBBE9E5EFD1D20A0C4CBCAE92A46E91D74A9BCC1DA40AF5E43CE9"),
        // The convolution's GEMM blocking follows the vector width: the one model whose bits differ between the two.
        ["conv net"] = ("C1CDE6709C6D897BAE417A579E660A0AE011B6CF322DE48110DEEE0852272D89", "20A9AD45E3A7E24E99417849706B92BEA73E101F901C9EDE04C4E0C88924206B"),
        ["adamw cosine"] = ("4B1223EA595E858310EFD19903FE61FC250B649F3E3D407304DC7CBB78E7CB26", "4B1223EA595E858310EFD19903FE61FC250B649F3E3D407304DC7CBB78E7CB26"),
    };

    [Theory]
    [InlineData(Path.FusedSmallInput)]
    [InlineData(Path.FusedGeneral)]
    [InlineData(Path.LayerByLayer)]
    public void TheSpiralClassifierIsUnchanged(Path path)
    {
        var (x, y) = Data(300, 2, 3, seed: 1);
        var network = Stack(seed: 2, [2, 64, 3], new ReLUActivation(), new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.02f, decay: 5e-5f));
        Check("classifier", Train(network, x, y, new FitOptions { Epochs = 15, BatchSize = null }, path));
    }

    [Theory]
    [InlineData(Path.FusedGeneral)]
    [InlineData(Path.LayerByLayer)]
    public void ADeeperClassifierIsUnchanged(Path path)
    {
        var (x, y) = Data(260, 12, 10, seed: 3);
        var network = Stack(seed: 4, [12, 32, 24, 10], new ReLUActivation(), new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.1f, momentum: 0.9f));
        Check("deep classifier", Train(network, x, y, new FitOptions { Epochs = 6, BatchSize = 32, ValidationFraction = 0.2 }, path));
    }

    [Fact]
    public void ASigmoidBinaryClassifierIsUnchanged()
    {
        var (x, labels) = Data(200, 4, 2, seed: 5);
        var network = Stack(seed: 6, [4, 16, 1], new ReLUActivation(), new SigmoidActivation());
        network.Set(new BinaryCrossEntropyLoss(), new AdamOptimizer(0.01f));
        Check("sigmoid binary", Train(network, x, labels, new FitOptions { Epochs = 8, BatchSize = 16 }, Path.LayerByLayer));
    }

    [Fact]
    public void AnMseRegressionIsUnchanged()
    {
        var random = new Random(7);
        var x = new Matrix(180, 3);
        var y = new Matrix(180, 2);
        for (int i = 0; i < x.Rows; i++)
        {
            for (int j = 0; j < 3; j++) x[i, j] = (float)(random.NextDouble() * 2 - 1);
            y[i, 0] = x[i, 0] * x[i, 1] + 0.5f * x[i, 2];
            y[i, 1] = MathF.Sin(x[i, 0] * 2);
        }
        var network = Stack(seed: 8, [3, 24, 2], new TanhActivation(), new LinearActivation());
        network.Set(new MeanSquaredErrorLoss(), new RmsPropOptimizer(0.005f));
        Check("mse regression", Train(network, x, y, new FitOptions { Epochs = 10, BatchSize = 20 }, Path.LayerByLayer));
    }

    [Fact]
    public void ANetworkWithDropoutIsUnchanged()
    {
        var (x, y) = Data(240, 6, 4, seed: 9);
        var network = new Network(seed: 10).Add(new DenseLayer(6, 32)).Add(new ReLUActivation()).Add(new DropoutLayer(0.2f))
            .Add(new DenseLayer(32, 4)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.01f));
        Check("dropout", Train(network, x, y, new FitOptions { Epochs = 6, BatchSize = 24 }, Path.FusedGeneral));
    }

    [Fact]
    public void ASmallConvNetIsUnchanged()
    {
        var (images, labels) = TinyImages.Make(96, seed: 11);
        var conv = new Conv2DLayer(TinyImages.Shape, 4, 3, padding: Padding.Same);
        var pool = new MaxPool2DLayer(conv.OutputShape);
        var network = new Network(seed: 12).Add(conv).Add(new ReLUActivation()).Add(pool).Add(new FlattenLayer(pool.OutputShape))
            .Add(new DenseLayer(pool.OutputShape.Size, 4)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(0.05f, momentum: 0.9f));
        Check("conv net", Train(network, images, Matrix.FromLabels(labels), new FitOptions { Epochs = 3, BatchSize = 32 }, Path.FusedGeneral));
    }

    [Fact]
    public void AdamWWithACosineScheduleIsUnchanged()
    {
        var (x, y) = Data(200, 5, 3, seed: 13);
        var network = Stack(seed: 14, [5, 32, 3], new ReLUActivation(), new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamWOptimizer(0.01f, weightDecay: 0.05f));
        var options = new FitOptions { Epochs = 8, BatchSize = 25, LearningRateSchedule = new CosineSchedule(warmupEpochs: 2), GradientClipNorm = 1f };
        Check("adamw cosine", Train(network, x, y, options, Path.FusedGeneral));
    }

    private static Network Train(Network network, Matrix x, Matrix y, FitOptions options, Path path)
    {
        network.NumberOfThreads = 1;
        network.Build();
        options.Validate();
        new TrainingLoop(network, options) { FuseLayers = path != Path.LayerByLayer, UseSmallInputKernel = path == Path.FusedSmallInput }.Run(x, y);
        return network;
    }

    private static void Check(string name, Network network)
    {
        string actual = Hash(network);
        var (avx512, avx2) = Expected[name];
        string isa = Vector512.IsHardwareAccelerated ? "AVX-512" : Vector256.IsHardwareAccelerated ? "AVX2" : "other";
        string expected = isa switch { "AVX-512" => avx512, "AVX2" => avx2, _ => "" };
        Assert.True(expected.Length > 0, $"No hash of '{name}' is stored for {isa}; this machine computes {actual}.");
        Assert.True(expected == actual, $"'{name}' on {isa} trains to {actual}; the stored hash is {expected}.");
    }

    /// <summary>SHA-256 of every parameter's values, every layer's state and every epoch's losses and accuracies.</summary>
    internal static string Hash(Network network)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var parameter in network.Parameters) sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(parameter.Values.AsSpan()));
        foreach (var layer in network.Layers)
        {
            foreach (var state in layer.State) sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(state.AsSpan()));
        }
        foreach (var epoch in network.History!.Epochs)
        {
            sha.AppendData(BitConverter.GetBytes(epoch.DataLoss));
            sha.AppendData(BitConverter.GetBytes(epoch.Accuracy));
            sha.AppendData(BitConverter.GetBytes(epoch.ValidationLoss ?? -1));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static Network Stack(int seed, int[] sizes, Activation hidden, Activation output)
    {
        var network = new Network(seed);
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            network.Add(new DenseLayer(sizes[i], sizes[i + 1]));
            network.Add(i + 2 < sizes.Length ? (i == 0 ? hidden : Clone(hidden)) : output);
        }
        return network;
    }

    private static Activation Clone(Activation activation) => (Activation)Activator.CreateInstance(activation.GetType())!;

    private static (Matrix X, Matrix Y) Data(int samples, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(samples, features);
        var labels = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            labels[i] = random.Next(classes);
            for (int j = 0; j < features; j++) x[i, j] = (float)(random.NextDouble() * 2 - 1 + (j % classes == labels[i] ? 0.7 : 0));
        }
        return (x, Matrix.FromLabels(labels));
    }
}
