using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Inspection;

/// <summary>
/// Permutation feature importance of a whole pipeline, as the README describes it: ML.NET's whole-model overload
/// looks for an interface internal to ML.NET (the non-generic <c>ISingleFeaturePredictionTransformer</c>), which a
/// third-party transformer cannot implement, so it reports "no compatible predictor"; the route that works is the
/// transformer overload on the data prepared by the steps before the network.
/// </summary>
public sealed class PipelineFeatureImportanceTests
{
    [Fact]
    public void The_whole_model_overload_cannot_see_the_network_and_the_documented_route_ranks_the_features()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Flowers(40, seed: 2));
        var model = TestData.FlowerFeaturizer(ml)
            .Append(ml.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [8], numberOfEpochs: 40, learningRate: 0.01f))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(data);

        // If a future ML.NET finds third-party predictors here, this fails and src/NNTrainer.ML/README.md must say so.
        var error = Assert.Throws<ArgumentNullException>(() => ml.MulticlassClassification.PermutationFeatureImportance(model, data));
        Assert.Contains("compatible predictor", error.Message);

        var found = NeuralNetworkModel.FindNetwork(model);
        var features = new TransformerChain<ITransformer>(found.Preceding.ToArray()).Transform(data);
        var network = Assert.IsType<NeuralNetworkMulticlassTransformer>(Assert.Single(found.NetworkSteps));
        var importance = ml.MulticlassClassification.PermutationFeatureImportance(network, features, permutationCount: 2);

        // Length and Width separate the classes; Height is noise.
        var drops = importance.Select(m => m.MicroAccuracy.Mean).ToArray();
        Assert.Equal(3, drops.Length);
        Assert.True(drops[0] < -0.2 && drops[1] < -0.2, string.Join(", ", drops));
        Assert.True(Math.Abs(drops[2]) < 0.05, string.Join(", ", drops));
    }

    [Fact]
    public void A_reloaded_model_has_no_transformer_for_the_whole_model_overload_either()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(TestData.Flowers(10, seed: 3));
        var model = TestData.FlowerFeaturizer(ml).Append(ml.MulticlassClassification.Trainers.NeuralNetwork(hiddenLayers: [4], numberOfEpochs: 1)).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var reloaded = ml.Model.Load(stream, out _);

        // The saved scoring steps end with ML.NET's stock scorer over the network's raw scores, which is what the
        // whole-model overload then tries to permute: the README says to compute importance before saving.
        var found = NeuralNetworkModel.FindNetwork(reloaded);
        Assert.True(found.IsReloaded);
        Assert.DoesNotContain(found.NetworkSteps, step => step is NeuralNetworkTransformer);
        Assert.ThrowsAny<Exception>(() => ml.MulticlassClassification.PermutationFeatureImportance(reloaded, data));
    }
}
