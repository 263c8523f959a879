using System.Numerics;

namespace NNTrainer.Persistence;

/// <summary>Little-endian writer of the model payload.</summary>
internal sealed class PayloadWriter
{
    private readonly MemoryStream _stream = new();
    private readonly byte[] _scratch = new byte[8];

    public byte[] ToArray() => _stream.ToArray();

    public void Write(byte value) => _stream.WriteByte(value);

    public void Write(bool value) => _stream.WriteByte(value ? (byte)1 : (byte)0);

    public void Write(int value) => WriteLittleEndian(value);

    public void Write(long value) => WriteLittleEndian(value);

    public void Write(ulong value) => WriteLittleEndian(value);

    // The IEEE bits as an integer of the same width: the same bytes BinaryPrimitives.WriteSingleLittleEndian writes.
    public void Write(float value) => WriteLittleEndian(BitConverter.SingleToInt32Bits(value));

    public void Write(double value) => WriteLittleEndian(BitConverter.DoubleToInt64Bits(value));

    private void WriteLittleEndian<T>(T value) where T : IBinaryInteger<T> =>
        _stream.Write(_scratch, 0, value.WriteLittleEndian(_scratch));

    public void Write(ReadOnlySpan<float> values)
    {
        foreach (float v in values) Write(v);
    }
}
