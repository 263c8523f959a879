namespace NNTrainer.Tests.Tensors;

public class GemmTests
{
    private static readonly Matrix A = Matrix.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
    private static readonly Matrix B = Matrix.FromArray(new float[,] { { 1, -1 }, { 2, 0 }, { -3, 4 } });

    [Fact]
    public void TheThreeProductsReadTheRightOperandTransposed()
    {
        var product = new Matrix(1, 2);
        Gemm.Multiply(A, B, product);
        Assert.Equal(new float[,] { { -4, 11 }, { -4, 20 } }, product.ToArray());

        // Aᵀ·A and A·Aᵀ, worked by hand: (3×2)(2×3) and (2×3)(3×2).
        var gram = new Matrix(1, 3);
        Gemm.MultiplyTransposeA(A, A, gram);
        Assert.Equal(new float[,] { { 17, 22, 27 }, { 22, 29, 36 }, { 27, 36, 45 } }, gram.ToArray());
        var outer = new Matrix(1, 2);
        Gemm.MultiplyTransposeB(A, A, outer);
        Assert.Equal(new float[,] { { 14, 32 }, { 32, 77 } }, outer.ToArray());
    }

    [Fact]
    public void MismatchedShapesAreNamedInTheMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(A, A, new Matrix(2, 3)));
        Assert.Equal("Cannot multiply 2x3 by 2x3: inner sizes differ.", e.Message);
        e = Assert.Throws<ArgumentException>(() => Gemm.MultiplyTransposeA(A, B, new Matrix(3, 2)));
        Assert.Equal("Cannot multiply (2x3)ᵀ by 3x2: inner sizes differ.", e.Message);
        e = Assert.Throws<ArgumentException>(() => Gemm.MultiplyTransposeB(A, B, new Matrix(2, 3)));
        Assert.Equal("Cannot multiply 2x3 by (3x2)ᵀ: inner sizes differ.", e.Message);
        e = Assert.Throws<ArgumentException>(() => Gemm.MultiplyTransposeB(A, A, new Matrix(2, 3)));
        Assert.StartsWith("The result has 3 columns; the product has 2.", e.Message);
        Assert.Equal("result", e.ParamName);
    }
}
