using System.Numerics;
using System.Runtime.InteropServices;

namespace NNTrainer.Persistence;

/// <summary>Little-endian writer of the model payload.</summary>
internal sealed class PayloadWriter
{
    private readonly MemoryStream _stream = new();
    private readonly byte[] _scratch = new byte[8];

    /// <summary>The bytes written so far, without a copy (valid until the next write).</summary>
    public ReadOnlySpan<byte> Written => _stream.GetBuffer().AsSpan(0, (int)_stream.Length);

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
        // A weight matrix is millions of floats: on a little-endian machine their memory already is the format's bytes.
        if (BitConverter.IsLittleEndian)
        {
            _stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        foreach (float v in values) Write(v);
    }
}
