namespace NNTrainer.Samples;

/// <summary>
/// LeNet from "Deep Learning for Computer Vision" (conv 20 5×5 → ReLU → pool → conv 50 5×5 → ReLU → pool → dense 500 →
/// ReLU → dense 10 → softmax) on Fashion-MNIST images of 1×28×28. To keep the run to seconds, it trains on the first
/// 3,000 training images for 2 epochs, with SGD at the book's 0.01 plus momentum 0.9 (the book trains 20 epochs without
/// momentum), and evaluates on the first 1,000 test images.
/// </summary>
public static class LeNetFashionMnist
{
    public static void Example()
    {
        var (trainImages, trainLabels, testImages, testLabels) = FashionMnist.Load();
        // The first rows of each set, without copying: a Matrix may wrap a longer buffer.
        var x = new Matrix(3_000, trainImages.Columns, trainImages.Data);
        var y = trainLabels[..3_000];
        var testX = new Matrix(1_000, testImages.Columns, testImages.Data);
        var testY = testLabels[..1_000];

        var model = Architectures.LeNet(FashionMnist.ImageShape, classes: 10, seed: 0);
        model.Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(learningRate: 0.01f, momentum: 0.9f));
        Console.WriteLine(model.Summary());

        model.Fit(x, y, new FitOptions
        {
            Epochs = 2,
            BatchSize = 128,
            EpochEnded = e => Console.WriteLine($"epoch: {e.Epoch}, acc: {e.Accuracy:F3}, loss: {e.Loss:F3}"),
        });

        var test = model.Evaluate(testX, testY);
        Console.WriteLine($"test, acc: {test.Accuracy:F3}, loss: {test.Loss:F3}");
        var predicted = model.PredictClasses(new Matrix(5, testImages.Columns, testImages.Data));
        Console.WriteLine("first five test images: " + string.Join(", ", predicted.Select(c => FashionMnist.ClassNames[c])));
    }
}

// Expected output:
//   #   layer                    output   parameters
//   0   Conv2DLayer               15680          520
//   1   ReLUActivation            15680            0
//   2   MaxPool2DLayer             3920            0
//   3   Conv2DLayer                9800       25,050
//   4   ReLUActivation             9800            0
//   5   MaxPool2DLayer             2450            0
//   6   FlattenLayer               2450            0
//   7   DenseLayer                  500    1,225,500
//   8   ReLUActivation              500            0
//   9   DenseLayer                   10        5,010
//   10  SoftmaxActivation            10            0
//   total parameters: 1,256,080
//   epoch: 1, acc: 0.555, loss: 1.218
//   epoch: 2, acc: 0.770, loss: 0.643
//   test, acc: 0.778, loss: 0.609
//   first five test images: Ankle boot, Pullover, Trouser, Trouser, Shirt
