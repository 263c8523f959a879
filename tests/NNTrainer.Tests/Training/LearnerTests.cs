namespace NNTrainer.Tests.Training;

/// <summary>
/// The learner/model split: a network loaded or built only to predict carries no training machinery (no learner, no
/// gradients, no optimizer state); the first Fit creates it; optimizer state a model file carries survives loading, so a
/// later Fit continues from it.
/// </summary>
public class LearnerTests
{
    [Fact]
    public void ALoadedModelThatOnlyPredictsAllocatesNoTrainingMemory()
    {
        var (x, y) = Data();
        var trained = Classifier(seed: 1);
        trained.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 16 });
        foreach (var parameter in trained.Parameters)
        {
            // What a scoring model is saved with: weights only (the ML.NET trainers drop the optimizer state the same way).
            parameter.Momentums = null;
            parameter.Cache = null;
        }
        using var file = new MemoryStream();
        trained.Save(file);
        file.Position = 0;

        var loaded = Network.Load(file);
        var predictions = loaded.Predict(x);

        Assert.Equal(trained.Predict(x).Data, predictions.Data);
        Assert.Null(loaded.Learner);
        Assert.Null(loaded.History);
        Assert.All(loaded.Parameters, p =>
        {
            Assert.False(p.HasGradients, $"{p.Name} has a gradient buffer");
            Assert.Null(p.Momentums);
            Assert.Null(p.Cache);
        });

        loaded.Fit(x, y, new FitOptions { Epochs = 1 });
        Assert.NotNull(loaded.Learner);
        Assert.All(loaded.Parameters, p => Assert.True(p.HasGradients));
        Assert.All(loaded.Parameters, p => Assert.NotNull(p.Momentums));
    }

    [Fact]
    public void ANewNetworkHasNoLearnerOrGradientsUntilItTrains()
    {
        var network = Classifier(seed: 2);
        network.Build();
        network.Predict(Data().X);
        Assert.Null(network.Learner);
        Assert.All(network.Parameters, p => Assert.False(p.HasGradients));
    }

    [Fact]
    public void OptimizerStateInAModelFileIsKeptAndTrainingContinuesFromIt()
    {
        var (x, y) = Data();
        var options = () => new FitOptions { Epochs = 2, BatchSize = null, Shuffle = false };
        var original = Classifier(seed: 3);
        original.Fit(x, y, options());
        using var file = new MemoryStream();
        original.Save(file);
        file.Position = 0;
        var loaded = Network.Load(file);
        Assert.All(loaded.Parameters, p => Assert.NotNull(p.Momentums));
        Assert.All(loaded.Parameters, p => Assert.False(p.HasGradients));

        original.Fit(x, y, options());
        loaded.Fit(x, y, options());
        for (int p = 0; p < original.Parameters.Count; p++) Assert.Equal(original.Parameters[p].Values, loaded.Parameters[p].Values);
    }

    [Fact]
    public void TheLearnerKeepsItsStepAcrossFitsAndTrainingInTwoCallsEqualsOne()
    {
        var (x, y) = Data();
        var options = () => new FitOptions { Epochs = 2, BatchSize = 16, Shuffle = false };
        var once = Classifier(seed: 4);
        once.Fit(x, y, new FitOptions { Epochs = 4, BatchSize = 16, Shuffle = false });
        var twice = Classifier(seed: 4);
        twice.Fit(x, y, options());
        var step = twice.Learner!.Step(TrainingExecution.Auto, 1, true, true, SmallInputClassifierKernel.IsSupported);
        twice.Fit(x, y, options());
        Assert.Same(step, twice.Learner.Step(TrainingExecution.Auto, 1, true, true, SmallInputClassifierKernel.IsSupported));
        Assert.NotSame(step, twice.Learner.Step(TrainingExecution.Reference, 1, true, true, SmallInputClassifierKernel.IsSupported));
        for (int p = 0; p < once.Parameters.Count; p++) Assert.Equal(once.Parameters[p].Values, twice.Parameters[p].Values);
    }

    private static Network Classifier(int seed)
    {
        var network = new Network(seed).Add(new DenseLayer(3, 16)).Add(new ReLUActivation()).Add(new DenseLayer(16, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.01f));
        return network;
    }

    private static (Matrix X, Matrix Y) Data()
    {
        var random = new Random(7);
        var x = new Matrix(64, 3);
        var y = new Matrix(64, 1);
        for (int i = 0; i < 64; i++)
        {
            int label = random.Next(3);
            y[i, 0] = label;
            for (int j = 0; j < 3; j++) x[i, j] = (float)(random.NextDouble() + (j == label ? 0.8 : 0));
        }
        return (x, y);
    }
}
