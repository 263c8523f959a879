namespace NNTrainer.ML;

/// <summary>
/// Adds <c>mlContext.Model.LoadVerified</c>: <c>mlContext.Model.Load</c> for model .zip files from storage that may be
/// damaged (disks, downloads, user uploads). ML.NET's own <c>Load</c> can loop forever on some damaged zips, because
/// neither .NET's zip reader nor ML.NET checks an entry's CRC-32 and ML.NET trusts the array lengths it then reads;
/// <c>LoadVerified</c> checks the whole zip first and turns any damage into a <see cref="ModelFormatException"/>.
/// </summary>
public static class VerifiedLoadCatalog
{
    /// <summary>
    /// The default cap on the total uncompressed size of a model zip's entries: 2 GiB, beyond what ML.NET's
    /// array-based loaders read, so a damaged length field or a zip bomb is refused before anything is inflated.
    /// </summary>
    public const long DefaultMaxUncompressedBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Loads a model saved with <c>mlContext.Model.Save</c> after checking the zip: every entry opens, inflates to
    /// exactly its recorded length and matches its recorded CRC-32, and all entries together stay within
    /// <paramref name="maxUncompressedBytes"/>. Then calls <c>mlContext.Model.Load</c> on the same open file, so the
    /// file checked is the file loaded.
    /// </summary>
    /// <param name="catalog">The model operations catalog, <c>mlContext.Model</c>.</param>
    /// <param name="filePath">The model .zip.</param>
    /// <param name="inputSchema">The schema of the data the model was trained on, as <c>Load</c> returns it.</param>
    /// <param name="maxUncompressedBytes">The most the zip's entries may inflate to, all together. Default <see cref="DefaultMaxUncompressedBytes"/>.</param>
    /// <returns>The loaded model, exactly as <c>mlContext.Model.Load</c> returns it.</returns>
    /// <exception cref="ModelFormatException">The file is not a readable zip or an entry is damaged; the message names the file, the entry and what is wrong.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <remarks>
    /// The checks catch damage, not a file crafted to pass them. A zip that passes but is not a model fails in
    /// <c>mlContext.Model.Load</c> with ML.NET's own exception.
    /// </remarks>
    public static ITransformer LoadVerified(this ModelOperationsCatalog catalog, string filePath, out DataViewSchema inputSchema,
        long maxUncompressedBytes = DefaultMaxUncompressedBytes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Load(catalog, file, filePath, out inputSchema, maxUncompressedBytes);
    }

    /// <summary>
    /// Loads a model saved with <c>mlContext.Model.Save</c> from a stream after checking the zip, as
    /// <see cref="LoadVerified(ModelOperationsCatalog, string, out DataViewSchema, long)"/> does. A stream that cannot
    /// seek is first copied to memory, since the zip is read twice.
    /// </summary>
    /// <param name="catalog">The model operations catalog, <c>mlContext.Model</c>.</param>
    /// <param name="stream">The model .zip, read from its current position; it is not closed.</param>
    /// <param name="inputSchema">The schema of the data the model was trained on, as <c>Load</c> returns it.</param>
    /// <param name="maxUncompressedBytes">The most the zip's entries may inflate to, all together. Default <see cref="DefaultMaxUncompressedBytes"/>.</param>
    /// <returns>The loaded model, exactly as <c>mlContext.Model.Load</c> returns it.</returns>
    /// <exception cref="ModelFormatException">The stream is not a readable zip or an entry is damaged; the message names the entry and what is wrong.</exception>
    public static ITransformer LoadVerified(this ModelOperationsCatalog catalog, Stream stream, out DataViewSchema inputSchema,
        long maxUncompressedBytes = DefaultMaxUncompressedBytes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek) return Load(catalog, stream, null, out inputSchema, maxUncompressedBytes);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return Load(catalog, copy, null, out inputSchema, maxUncompressedBytes);
    }

    private static ITransformer Load(ModelOperationsCatalog catalog, Stream zip, string? fileName, out DataViewSchema inputSchema, long maxUncompressedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxUncompressedBytes);
        long start = zip.Position;
        ModelZipVerifier.Verify(zip, fileName, maxUncompressedBytes);
        zip.Position = start;
        return catalog.Load(zip, out inputSchema);
    }
}
