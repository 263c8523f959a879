using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NNTrainer.Persistence;

/// <summary>
/// Reads the model payload with a bounds check before every read and every allocation, so that a damaged
/// length field ends in a <see cref="ModelFormatException"/> rather than an out-of-memory error or a crash.
/// </summary>
internal ref struct PayloadReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public PayloadReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;

    public readonly int Position => _position;

    public byte ReadByte(string what) => Take(1, what)[0];

    public bool ReadBool(string what)
    {
        byte b = ReadByte(what);
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw new ModelFormatException($"Model payload byte {_position - 1}: {what} must be 0 or 1, found {b}."),
        };
    }

    public int ReadInt32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

    public long ReadInt64(string what) => BinaryPrimitives.ReadInt64LittleEndian(Take(8, what));

    public ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));

    public float ReadSingle(string what) => BinaryPrimitives.ReadSingleLittleEndian(Take(4, what));

    public double ReadDouble(string what) => BinaryPrimitives.ReadDoubleLittleEndian(Take(8, what));

    /// <summary>Reads a count and checks it against a range and against the bytes that remain, before anyone allocates for it.</summary>
    public int ReadCount(string what, int min, int max, int bytesPerItem)
    {
        int start = _position;
        int count = ReadInt32(what);
        if (count < min || count > max)
        {
            throw new ModelFormatException($"Model payload byte {start}: {what} is {count}; it must be in [{min}, {max}].");
        }
        if ((long)count * bytesPerItem > Remaining)
        {
            throw new ModelFormatException($"Model payload byte {start}: {what} is {count}, which needs {(long)count * bytesPerItem} bytes, but only {Remaining} remain.");
        }
        return count;
    }

    /// <summary>Reads <paramref name="destination"/>.Length floats and checks they are finite.</summary>
    public void ReadFinite(Span<float> destination, string what)
    {
        int start = _position;
        var bytes = Take(checked(destination.Length * 4), what);
        int i = 0;
        if (BitConverter.IsLittleEndian)
        {
            // The format's bytes are the floats' memory: copy them at once, then look for an all-ones exponent
            // (infinity or NaN) a vector at a time; the scalar loop below names the first bad value, if any.
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
            var bits = MemoryMarshal.Cast<float, uint>(destination);
            var exponent = new Vector<uint>(0x7F800000u);
            for (; i <= bits.Length - Vector<uint>.Count; i += Vector<uint>.Count)
            {
                if (Vector.EqualsAny(new Vector<uint>(bits[i..]) & exponent, exponent)) break;
            }
        }
        for (; i < destination.Length; i++)
        {
            float v = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4));
            if (!float.IsFinite(v))
            {
                throw new ModelFormatException($"Model payload byte {start + i * 4}: value {i} of {what} is {v}; saved values must be finite.");
            }
            destination[i] = v;
        }
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > Remaining)
        {
            throw new ModelFormatException($"Model payload ends at byte {_data.Length} while reading {what} at byte {_position} ({count} bytes needed).");
        }
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }
}
