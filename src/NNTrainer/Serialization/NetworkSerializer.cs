using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using NNTrainer.Layers;
using NNTrainer.Persistence;

namespace NNTrainer.Serialization;

/// <summary>
/// The model format: an 8-byte magic ("NNTRAINR"), a format version, the payload length, the payload
/// (architecture, weights, loss, accuracy, optimizer state, random-source state) and a CRC-32 of the payload.
/// </summary>
/// <remarks>
/// The payload is read completely and its checksum verified before any of it is interpreted, and every size in
/// it is checked against the bytes that remain before anything is allocated, so a damaged file cannot cause a
/// huge allocation. Saving to a path writes a temporary file beside it and renames it over the target, so an
/// interrupted save leaves the previous file intact.
/// </remarks>
internal static partial class NetworkSerializer
{
    /// <summary>
    /// The newest format: version 2 added the spatial layers (tags 20–24), version 3 layer normalisation (tag 25). A
    /// network is written with the oldest version that has all its layers, so a dense-only one is still version 1, byte
    /// for byte as before.
    /// </summary>
    public const int FormatVersion = 3;
    private const int HeaderLength = 8 + 2 + 2 + 8;
    private const int MaxLayers = 4096;
    private const int MaxWidth = LayerPersistence.MaxWidth;
    private const long MaxPayload = int.MaxValue - 64;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("NNTRAINR");

    public static void Save(ModelContents network, string path) =>
        Save(network, path, temporary => new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None));

    /// <summary>Saves through <paramref name="createTemporary"/>, which opens the temporary file (tests pass one that fails part-way).</summary>
    internal static void Save(ModelContents network, string path, Func<string, Stream> createTemporary)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        // Serialise first: an unsupported layer must fail before any file is touched.
        var bytes = Serialize(network);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = createTemporary(temp))
            {
                file.Write(bytes);
                if (file is FileStream onDisk) onDisk.Flush(flushToDisk: true);
                else file.Flush();
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void Save(ModelContents network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Serialize(network));
    }

    /// <summary>Reads the model in <paramref name="path"/> and builds it with <paramref name="build"/>; errors name the file.</summary>
    public static T Load<T>(string path, Func<ModelContents, T> build)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return Load(file, build);
        }
        catch (ModelFormatException e)
        {
            throw new ModelFormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads a model and builds it with <paramref name="build"/> (the network's own constructor of a loaded model); an
    /// argument or state error while building means the file describes an impossible network.
    /// </summary>
    public static T Load<T>(Stream stream, Func<ModelContents, T> build)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[HeaderLength];
        int got = ReadAll(stream, header);
        if (got < Magic.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ModelFormatException("Not an NNTrainer model: the data does not start with the \"NNTRAINR\" signature.");
        }
        if (got < HeaderLength) throw new ModelFormatException($"The model is truncated: the header needs {HeaderLength} bytes, found {got}.");
        int version = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        if (version == 0 || version > FormatVersion)
        {
            throw new ModelFormatException($"The model has format version {version}; this library reads versions 1 to {FormatVersion}. Upgrade NNTrainer to load it.");
        }
        // The header is outside the checksum, so its reserved field must be exactly what Save writes.
        int reserved = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
        if (reserved != 0)
        {
            throw new ModelFormatException($"The model header's reserved field is 0x{reserved:X4}; it must be 0. The file is damaged.");
        }
        long length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(12));
        if (length <= 0 || length > MaxPayload)
        {
            throw new ModelFormatException($"The model header declares a payload of {length} bytes, which is impossible.");
        }
        if (stream.CanSeek && length + 4 > stream.Length - stream.Position)
        {
            throw new ModelFormatException($"The model is truncated: the header declares {length} payload bytes plus a 4-byte checksum, but only {stream.Length - stream.Position} bytes follow.");
        }
        var payload = ReadPayload(stream, length);
        var crcBytes = new byte[4];
        if (ReadAll(stream, crcBytes) < 4) throw new ModelFormatException("The model is truncated: its checksum is missing.");
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(crcBytes);
        uint actual = Crc32.HashToUInt32(payload);
        if (expected != actual)
        {
            throw new ModelFormatException($"The model is corrupted: its checksum is 0x{expected:X8} but its contents hash to 0x{actual:X8}.");
        }
        try
        {
            return build(Deserialize(payload, version));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new ModelFormatException($"The model describes an impossible network: {e.Message}", e);
        }
    }

    private static byte[] Serialize(ModelContents network)
    {
        var w = new PayloadWriter();
        w.Write(network.Seed);
        w.Write(network.Layers.Count);
        foreach (var layer in network.Layers) WriteLayer(w, layer);
        WriteLoss(w, network.Loss);
        WriteAccuracy(w, network.Accuracy);
        WriteOptimizer(w, network.Optimizer);
        var (s0, s1, s2, s3, spare, hasSpare) = network.RandomState;
        w.Write(s0);
        w.Write(s1);
        w.Write(s2);
        w.Write(s3);
        w.Write(spare);
        w.Write(hasSpare);
        var payload = w.Written;

        var bytes = new byte[HeaderLength + payload.Length + 4];
        Magic.CopyTo(bytes, 0);
        int version = VersionFor(network);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)version);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 0);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12), payload.Length);
        payload.CopyTo(bytes.AsSpan(HeaderLength));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(HeaderLength + payload.Length), Crc32.HashToUInt32(payload));
        return bytes;
    }

    private static ModelContents Deserialize(ReadOnlySpan<byte> payload, int version)
    {
        var r = new PayloadReader(payload);
        int seed = r.ReadInt32("the seed");
        int layerCount = r.ReadCount("the layer count", 1, MaxLayers, 1);
        var layers = new Layer[layerCount];
        for (int i = 0; i < layerCount; i++) layers[i] = ReadLayer(ref r, i, version);
        var loss = ReadLoss(ref r);
        var accuracy = ReadAccuracy(ref r);
        var optimizer = ReadOptimizer(ref r);
        var state = (r.ReadUInt64("the random state"), r.ReadUInt64("the random state"), r.ReadUInt64("the random state"),
            r.ReadUInt64("the random state"), r.ReadDouble("the random state"), r.ReadBool("the random state"));
        if (state.Item1 == 0 && state.Item2 == 0 && state.Item3 == 0 && state.Item4 == 0)
        {
            throw new ModelFormatException("The saved random state is all zeros, which the generator can never reach.");
        }
        if (r.Remaining != 0)
        {
            throw new ModelFormatException($"The model payload has {r.Remaining} unexpected bytes after its end at byte {r.Position}.");
        }
        return new ModelContents(seed, layers, loss, accuracy, optimizer, state);
    }

    private static byte[] ReadPayload(Stream stream, long length)
    {
        // Read in bounded chunks: on a stream that cannot tell its length, an inflated length field then
        // fails at the real end of the data instead of allocating the declared size up front.
        const int Chunk = 1 << 20;
        if (length <= Chunk)
        {
            var small = new byte[length];
            if (ReadAll(stream, small) < length) throw Truncated(length);
            return small;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[Chunk];
        long remaining = length;
        while (remaining > 0)
        {
            int want = (int)Math.Min(Chunk, remaining);
            int got = ReadAll(stream, chunk.AsSpan(0, want));
            buffer.Write(chunk, 0, got);
            if (got < want) throw Truncated(length);
            remaining -= got;
        }
        return buffer.ToArray();
    }

    private static ModelFormatException Truncated(long length) =>
        new($"The model is truncated: the header declares {length} payload bytes but the data ends before that.");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    private static int ReadAll(Stream stream, Span<byte> buffer) => stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
}
