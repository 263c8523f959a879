namespace NNTrainer.Tests.Tensors;

/// <summary>
/// Adam's fused update kernel (AdamKernel.Step): every element gets the same result in the Vector512, Vector256 and
/// scalar loops, which is what lets the update be split over threads at any boundary without changing the model.
/// </summary>
public class AdamStepKernelTests
{
    [Fact]
    public void EachElementIsTheSameWhicheverLoopUpdatesIt()
    {
        const int n = 61; // 3 Vector512 + 1 Vector256 + 5 scalar iterations
        var w = GemmKernelsTests.Random(n, seed: 1);
        var g = GemmKernelsTests.Random(n, seed: 2);
        var m = GemmKernelsTests.Random(n, seed: 3).Select(v => v * 0.1f).ToArray();
        var c = GemmKernelsTests.Random(n, seed: 4).Select(v => v * v * 0.01f).ToArray();
        var (w1, m1, c1) = ((float[])w.Clone(), (float[])m.Clone(), (float[])c.Clone());
        AdamKernel.Step(w1, g, m1, c1, 0.001f, 0.9f, 0.999f, 1e-7f, 1.9f, 3.2f, keep: 1f);
        for (int i = 0; i < n; i++)
        {
            float[] wi = [w[i]], mi = [m[i]], ci = [c[i]];
            AdamKernel.Step(wi, [g[i]], mi, ci, 0.001f, 0.9f, 0.999f, 1e-7f, 1.9f, 3.2f, keep: 1f);
            Assert.Equal(wi[0], w1[i]);
            Assert.Equal(mi[0], m1[i]);
            Assert.Equal(ci[0], c1[i]);
        }
    }

    [Fact]
    public void MatchesTheBookFormula()
    {
        float[] w = [0.5f], g = [0.2f], m = [0.1f], c = [0.01f];
        AdamKernel.Step(w, g, m, c, 0.01f, 0.9f, 0.999f, 1e-7f, 1f / (1 - 0.9f), 1f / (1 - 0.999f), keep: 1f);
        double mExpected = 0.9 * 0.1 + 0.1 * 0.2;
        double cExpected = 0.999 * 0.01 + 0.001 * 0.04;
        double wExpected = 0.5 - 0.01 * (mExpected / 0.1) / (Math.Sqrt(cExpected / 0.001) + 1e-7);
        Assert.Equal(mExpected, m[0], 6);
        Assert.Equal(cExpected, c[0], 6);
        Assert.Equal(wExpected, w[0], 5);
    }
}
