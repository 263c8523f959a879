using System.Buffers.Binary;

namespace NNTrainer.Persistence;

/// <summary>Little-endian writer of the model payload.</summary>
internal sealed class PayloadWriter
{
    private readonly MemoryStream _stream = new();
    private readonly byte[] _scratch = new byte[8];

    public byte[] ToArray() => _stream.ToArray();

    public void Write(byte value) => _stream.WriteByte(value);

    public void Write(bool value) => _stream.WriteByte(value ? (byte)1 : (byte)0);

    public void Write(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_scratch, value);
        _stream.Write(_scratch, 0, 4);
    }

    public void Write(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_scratch, value);
        _stream.Write(_scratch, 0, 8);
    }

    public void Write(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_scratch, value);
        _stream.Write(_scratch, 0, 8);
    }

    public void Write(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_scratch, value);
        _stream.Write(_scratch, 0, 4);
    }

    public void Write(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_scratch, value);
        _stream.Write(_scratch, 0, 8);
    }

    public void Write(ReadOnlySpan<float> values)
    {
        foreach (float v in values) Write(v);
    }
}
