using System.Buffers.Binary;
using System.IO.Compression;
using NNTrainer.Tensors;

namespace NNTrainer.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST (gzipped or not): a 4-byte magic whose third byte
/// is the element type and fourth the number of dimensions, then big-endian 32-bit sizes, then the data.
/// Only unsigned-byte data (type 0x08), the type of those data sets, is supported.
/// </summary>
public static class IdxReader
{
    private const int MaxElements = 1 << 30;

    /// <summary>Reads an image file (3 dimensions: count × rows × columns) into a [count × rows·columns] matrix scaled to [0, 1].</summary>
    /// <param name="path">The file, e.g. <c>train-images-idx3-ubyte.gz</c>.</param>
    /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file with three dimensions, or is truncated.</exception>
    public static Matrix ReadImages(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        try
        {
            var dims = ReadHeader(stream);
            if (dims.Length != 3) throw new InvalidDataException($"{path}: an image file has 3 dimensions (count, rows, columns); this one has {dims.Length}.");
            int features = dims[1] * dims[2];
            var matrix = new Matrix(dims[0], features);
            var values = matrix.Data;
            const float Scale = 1f / 255f;
            // Converted chunk by chunk as it is decompressed: a whole-file byte copy would add a quarter of the
            // floats' size to the peak memory of every program that loads the data.
            var chunk = new byte[64 * 1024];
            long total = (long)dims[0] * features;
            long done = 0;
            while (done < total)
            {
                int got = ReadAll(stream, chunk.AsSpan(0, (int)Math.Min(chunk.Length, total - done)));
                for (int i = 0; i < got; i++) values[done + i] = chunk[i] * Scale;
                done += got;
                if (got == 0) throw new InvalidDataException($"the file is truncated: {total} values declared, {done} present.");
            }
            return matrix;
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a label file (1 dimension) into one class index per sample.</summary>
    /// <param name="path">The file, e.g. <c>train-labels-idx1-ubyte.gz</c>.</param>
    /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file with one dimension, or is truncated.</exception>
    public static int[] ReadLabels(string path)
    {
        var (dims, data) = Read(path);
        if (dims.Length != 1) throw new InvalidDataException($"{path}: a label file has 1 dimension; this one has {dims.Length}.");
        var labels = new int[data.Length];
        for (int i = 0; i < data.Length; i++) labels[i] = data[i];
        return labels;
    }

    /// <summary>Reads any unsigned-byte IDX file: its dimensions and its raw values.</summary>
    /// <param name="path">The file; a <c>.gz</c> suffix or a gzip signature means gzipped.</param>
    public static (int[] Dimensions, byte[] Data) Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        try
        {
            return Read(stream, path);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static (int[], byte[]) Read(Stream stream, string path)
    {
        var dims = ReadHeader(stream);
        long total = 1;
        foreach (int d in dims) total *= d;
        var data = new byte[total];
        int got = ReadAll(stream, data);
        if (got < total) throw new InvalidDataException($"the file is truncated: {total} values declared, {got} present.");
        _ = path;
        return (dims, data);
    }

    private static int[] ReadHeader(Stream stream)
    {
        Span<byte> magic = stackalloc byte[4];
        if (ReadAll(stream, magic) < 4) throw new InvalidDataException("the file is shorter than an IDX header.");
        if (magic[0] != 0 || magic[1] != 0) throw new InvalidDataException("not an IDX file (the first two bytes must be zero).");
        if (magic[2] != 0x08) throw new InvalidDataException($"element type 0x{magic[2]:X2} is not supported; only unsigned bytes (0x08) are.");
        int rank = magic[3];
        if (rank is < 1 or > 4) throw new InvalidDataException($"{rank} dimensions is not a valid IDX rank.");
        var dims = new int[rank];
        Span<byte> four = stackalloc byte[4];
        long total = 1;
        for (int d = 0; d < rank; d++)
        {
            if (ReadAll(stream, four) < 4) throw new InvalidDataException("the header is truncated.");
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(four);
            if (dims[d] < 0) throw new InvalidDataException($"dimension {d} is negative ({dims[d]}).");
            total *= dims[d];
            if (total > MaxElements) throw new InvalidDataException($"the declared size ({string.Join(" x ", dims[..(d + 1)])}) is too large.");
        }
        return dims;
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> signature = stackalloc byte[2];
        int n = ReadAll(file, signature);
        file.Position = 0;
        return n == 2 && signature[0] == 0x1F && signature[1] == 0x8B;
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    private static int ReadAll(Stream stream, Span<byte> buffer) => stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
}
