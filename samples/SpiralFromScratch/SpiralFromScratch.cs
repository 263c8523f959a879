namespace NNTrainer.Samples;

/// <summary>
/// The book's spiral model (chapters 10–11 of "Neural Networks from Scratch"): 300 points in three interleaved
/// spiral arms, a 2-64-3 network with ReLU and softmax, categorical cross-entropy, and Adam with learning rate 0.05
/// and decay 5e-7, trained on the whole set at once for 10,000 epochs; then validated on a fresh draw of the spiral.
/// It trains with the book's own step (<see cref="TrainingExecution.Reference"/>: Forward through each layer, the loss,
/// Backward through each layer, the optimizer's update); the default, Auto, takes a fused step that gives the same weights.
/// </summary>
public static class SpiralFromScratch
{
    public static void Example()
    {
        var (x, y) = SyntheticData.Spiral(samplesPerClass: 100, classes: 3, seed: 0);

        var model = new Network(seed: 0);
        model.Add(new DenseLayer(2, 64));
        model.Add(new ReLUActivation());
        model.Add(new DenseLayer(64, 3));
        model.Add(new SoftmaxActivation());
        model.Set(
            loss: new CategoricalCrossEntropyLoss(),
            optimizer: new AdamOptimizer(learningRate: 0.05f, decay: 5e-7f),
            accuracy: new CategoricalAccuracy());
        Console.WriteLine(model.Summary());

        model.Fit(x, y, new FitOptions
        {
            Epochs = 10_000,
            BatchSize = null,
            Execution = TrainingExecution.Reference,
            EpochEnded = e =>
            {
                if (e.Epoch % 1_000 == 0)
                {
                    Console.WriteLine($"epoch: {e.Epoch}, acc: {e.Accuracy:F3}, loss: {e.Loss:F3}, lr: {e.LearningRate:F5}");
                }
            },
        });

        Console.WriteLine($"training step: {model.History!.TrainingStep}");

        var (testX, testY) = SyntheticData.Spiral(samplesPerClass: 100, classes: 3, seed: 1);
        var validation = model.Evaluate(testX, testY);
        Console.WriteLine($"validation, acc: {validation.Accuracy:F3}, loss: {validation.Loss:F3}");
    }
}

// Expected output:
//   #   layer                    output   parameters
//   0   DenseLayer                   64          192
//   1   ReLUActivation               64            0
//   2   DenseLayer                    3          195
//   3   SoftmaxActivation             3            0
//   total parameters: 387
//   epoch: 1000, acc: 0.967, loss: 0.106, lr: 0.04998
//   epoch: 2000, acc: 0.967, loss: 0.085, lr: 0.04995
//   epoch: 3000, acc: 0.973, loss: 0.071, lr: 0.04993
//   epoch: 4000, acc: 0.977, loss: 0.061, lr: 0.04990
//   epoch: 5000, acc: 0.977, loss: 0.059, lr: 0.04988
//   epoch: 6000, acc: 0.977, loss: 0.057, lr: 0.04985
//   epoch: 7000, acc: 0.977, loss: 0.054, lr: 0.04983
//   epoch: 8000, acc: 0.980, loss: 0.049, lr: 0.04980
//   epoch: 9000, acc: 0.983, loss: 0.046, lr: 0.04978
//   epoch: 10000, acc: 0.983, loss: 0.043, lr: 0.04975
//   training step: Reference
//   validation, acc: 0.870, loss: 0.848
