namespace NNTrainer.Tests.Layers;

/// <summary>Every layer kind of the engine registers itself in its own file, so the serializer and exporters need no list.</summary>
public class LayerRegistryTests
{
    private static readonly Type[] LayerKinds = typeof(Layer).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Layer)) && !t.IsAbstract).ToArray();

    [Fact]
    public void EveryConcreteLayerKindHasAModelFormatTagOfItsOwn()
    {
        Assert.NotEmpty(LayerKinds);
        foreach (var kind in LayerKinds)
        {
            Assert.True(LayerFormats.All.Any(f => f.LayerType == kind), $"{kind.Name} declares no LayerFormat field, so it cannot be saved.");
        }
        Assert.Equal(LayerKinds.Length, LayerFormats.All.Select(f => f.Tag).Distinct().Count());
    }

    [Fact]
    public void EveryConcreteLayerKindHasAnInferenceGraphForm()
    {
        foreach (var kind in LayerKinds)
        {
            var method = kind.GetMethod(nameof(Layer.AppendTo))!;
            Assert.True(method.DeclaringType != typeof(Layer), $"{kind.Name} does not override Layer.AppendTo, so it cannot be exported.");
        }
    }

    [Fact]
    public void DenseOnlyNetworksAreStillWrittenAsFormatVersion1()
    {
        var network = new Network(seed: 2).Add(new DenseLayer(3, 4)).Add(new TanhActivation()).Add(new DropoutLayer(0.1f))
            .Add(new DenseLayer(4, 1)).Add(new LinearActivation())
            .Set(new MeanSquaredErrorLoss(), new SgdOptimizer());
        network.Build();
        using var stream = new MemoryStream();
        network.Save(stream);
        Assert.Equal(1, System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(stream.ToArray().AsSpan(8)));
    }
}
