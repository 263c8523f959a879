using NNTrainer.Initialization;
using NNTrainer.Tensors;

namespace NNTrainer.Data;

/// <summary>The book's generated data sets (<c>nnfs.datasets</c>), seeded so that every run draws the same points.</summary>
public static class SyntheticData
{
    /// <summary>
    /// Interleaved spirals, one arm per class: for class c, radius r = linspace(0, 1, samples) and angle
    /// t = linspace(4c, 4(c + 1), samples) + 0.2·randn, point (r·sin 2.5t, r·cos 2.5t). Linear models cannot separate them.
    /// </summary>
    /// <param name="samplesPerClass">Points per class (the book uses 100).</param>
    /// <param name="classes">Number of classes (the book uses 3).</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <returns>[samples·classes × 2] points and their class indices, class after class.</returns>
    public static (Matrix Inputs, int[] Labels) Spiral(int samplesPerClass, int classes, int seed = 0)
    {
        return PerClass(samplesPerClass, classes, seed, (c, i, random) =>
        {
            double fraction = samplesPerClass == 1 ? 0 : (double)i / (samplesPerClass - 1);
            double r = fraction;
            double t = c * 4 + fraction * 4 + random.NextGaussian() * 0.2;
            return (r * Math.Sin(t * 2.5), r * Math.Cos(t * 2.5));
        });
    }

    /// <summary>
    /// Vertical clusters, one per class: point (0.1·randn + c/3, 0.1·randn + 0.5). Nearly linearly separable.
    /// </summary>
    /// <param name="samplesPerClass">Points per class.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="seed">Seed of the noise.</param>
    public static (Matrix Inputs, int[] Labels) Vertical(int samplesPerClass, int classes, int seed = 0)
    {
        return PerClass(samplesPerClass, classes, seed, (c, i, random) =>
            (random.NextGaussian() * 0.1 + c / 3.0, random.NextGaussian() * 0.1 + 0.5));
    }

    /// <summary>One period of a sine wave: x = i / samples, y = sin(2πx), for regression.</summary>
    /// <param name="samples">Number of points (the book uses 1000).</param>
    /// <returns>[samples × 1] inputs and [samples × 1] targets.</returns>
    public static (Matrix Inputs, Matrix Targets) Sine(int samples = 1000)
    {
        if (samples <= 0) throw new ArgumentOutOfRangeException(nameof(samples), samples, "At least one sample is needed.");
        var x = new Matrix(samples, 1);
        var y = new Matrix(samples, 1);
        for (int i = 0; i < samples; i++)
        {
            double v = (double)i / samples;
            x.Data[i] = (float)v;
            y.Data[i] = (float)Math.Sin(2 * Math.PI * v);
        }
        return (x, y);
    }

    /// <summary>A 2-D point of <paramref name="classIndex"/>, the <paramref name="index"/>-th of its class.</summary>
    private delegate (double X, double Y) PointOf(int classIndex, int index, SeededRandom random);

    /// <summary>
    /// <paramref name="samplesPerClass"/> points per class, class after class, each from <paramref name="point"/>
    /// with one noise source seeded by <paramref name="seed"/>.
    /// </summary>
    private static (Matrix Inputs, int[] Labels) PerClass(int samplesPerClass, int classes, int seed, PointOf point)
    {
        CheckCounts(samplesPerClass, classes);
        var random = new SeededRandom(seed);
        var x = new Matrix(samplesPerClass * classes, 2);
        var y = new int[samplesPerClass * classes];
        for (int c = 0; c < classes; c++)
        {
            for (int i = 0; i < samplesPerClass; i++)
            {
                int row = c * samplesPerClass + i;
                var (px, py) = point(c, i, random);
                x[row, 0] = (float)px;
                x[row, 1] = (float)py;
                y[row] = c;
            }
        }
        return (x, y);
    }

    private static void CheckCounts(int samplesPerClass, int classes)
    {
        if (samplesPerClass <= 0) throw new ArgumentOutOfRangeException(nameof(samplesPerClass), samplesPerClass, "At least one sample per class is needed.");
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes), classes, "At least one class is needed.");
    }
}
