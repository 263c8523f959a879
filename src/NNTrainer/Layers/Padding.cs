namespace NNTrainer.Layers;

/// <summary>How a convolution treats the borders of its input, with Keras's names.</summary>
public enum Padding
{
    /// <summary>No padding: the kernel only visits positions where it fits entirely, so each side shrinks by kernel − 1 (at stride 1).</summary>
    Valid = 0,

    /// <summary>
    /// Zero padding so that the output has ⌈input / stride⌉ positions per side; when the padding is odd, the extra
    /// row or column goes at the bottom or right (TensorFlow's "SAME", ONNX's SAME_UPPER).
    /// </summary>
    Same = 1,
}
