using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace NNTrainer.ML.Tests.Inspection;

public sealed class NeuralNetworkModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-inspection-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Finds_the_network_of_a_fitted_chain_with_the_steps_around_it()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Flowers(30, seed: 1));
        var model = TestData.FlowerFeaturizer(ml)
            .Append(ml.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [8], numberOfEpochs: 2))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(data);

        var found = NeuralNetworkModel.FindNetwork(model);

        Assert.False(found.IsReloaded);
        Assert.Equal(NeuralNetworkTask.MulticlassClassification, found.Task);
        Assert.Equal("Features", found.FeatureColumnName);
        Assert.Equal(TestData.FlowerNames, found.ClassNames);
        Assert.Equal([typeof(ValueToKeyMappingTransformer), typeof(ColumnConcatenatingTransformer), typeof(NormalizingTransformer)], found.Preceding.Select(s => s.GetType()));
        Assert.IsType<NeuralNetworkMulticlassTransformer>(Assert.Single(found.NetworkSteps));
        Assert.IsType<KeyToValueMappingTransformer>(Assert.Single(found.Following));
        Assert.Same(((NeuralNetworkMulticlassTransformer)found.NetworkSteps[0]).Network, found.Network);
    }

    [Theory]
    [InlineData(NeuralNetworkTask.BinaryClassification)]
    [InlineData(NeuralNetworkTask.MulticlassClassification)]
    [InlineData(NeuralNetworkTask.Regression)]
    public void Finds_a_bit_identical_network_in_a_reloaded_model(NeuralNetworkTask task)
    {
        var ml = new MLContext(seed: 1);
        var (model, data) = Trained(ml, task);
        var path = Path.Combine(_directory, "model.zip");
        ml.Model.Save(model, data.Schema, path);

        var found = NeuralNetworkModel.FindNetwork(ml.Model.Load(path, out _));

        var original = NeuralNetworkModel.FindNetwork(model);
        Assert.True(found.IsReloaded);
        Assert.Equal(task, found.Task);
        Assert.Equal(original.FeatureColumnName, found.FeatureColumnName);
        Assert.Equal(original.ClassNames, found.ClassNames);
        Assert.Equal(original.Preceding.Select(s => s.GetType()), found.Preceding.Select(s => s.GetType()));
        Assert.Empty(found.Following);
        Assert.Equal(Weights(original.Network), Weights(found.Network));
    }

    [Fact]
    public void A_model_without_a_network_or_with_two_is_refused()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Flowers(10, seed: 1));
        var none = TestData.FlowerFeaturizer(ml).Fit(data);
        var error = Assert.Throws<ArgumentException>(() => NeuralNetworkModel.FindNetwork(none));
        Assert.Contains("no NNTrainer neural network", error.Message);
        Assert.Contains("NormalizingTransformer", error.Message);

        var (one, _) = Trained(ml, NeuralNetworkTask.Regression);
        var two = new TransformerChain<ITransformer>(one, one);
        Assert.Contains("more than one", Assert.Throws<ArgumentException>(() => NeuralNetworkModel.FindNetwork(two)).Message);
    }

    private static (ITransformer Model, IDataView Data) Trained(MLContext ml, NeuralNetworkTask task)
    {
        switch (task)
        {
            case NeuralNetworkTask.MulticlassClassification:
                var flowers = ml.Data.LoadFromEnumerable(TestData.Flowers(30, seed: 1));
                return (TestData.FlowerFeaturizer(ml).Append(ml.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [8], numberOfEpochs: 2)).Fit(flowers), flowers);
            case NeuralNetworkTask.BinaryClassification:
                var circle = ml.Data.LoadFromEnumerable(TestData.Circle(100, seed: 1));
                return (ml.Transforms.NormalizeMinMax("Features").Append(ml.BinaryClassification.Trainers.NeuralNetwork(hiddenLayers: [8], numberOfEpochs: 2)).Fit(circle), circle);
            default:
                var surface = ml.Data.LoadFromEnumerable(TestData.Surface(100, seed: 1));
                return (ml.Regression.Trainers.NeuralNetwork(hiddenLayers: [8], numberOfEpochs: 2).Fit(surface), surface);
        }
    }

    private static int[] Weights(Network network) =>
        network.Parameters.SelectMany(p => p.Values).Select(BitConverter.SingleToInt32Bits).ToArray();
}
