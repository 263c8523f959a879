namespace NNTrainer.Cli.Images;

/// <summary>
/// The images' own channels against the ones a network reads: the default for <c>--channels</c>, and the note that
/// says when images are converted (grey to RGB or colour to grey), which ML.NET's image steps do without a word.
/// </summary>
internal static class ImageChannels
{
    /// <summary>
    /// The default for <c>--channels</c>: RGB when any image is in colour, else grey. Going by one image would turn a
    /// folder whose first class happens to be grey into a grey model, throwing away every other image's colour; a grey
    /// image read as RGB loses nothing (R = G = B).
    /// </summary>
    public static int Default(IReadOnlyCollection<ImageFile> files) => files.Any(f => f.Channels == 3) ? 3 : 1;

    /// <summary>A note naming how many images are converted to the <paramref name="channels"/> the reader reads, or null when none is.</summary>
    /// <param name="files">The images read.</param>
    /// <param name="channels">1 or 3: what the network reads.</param>
    /// <param name="reader">Who reads them, as "the network" or "the model model.zip".</param>
    public static string? Conversion(IReadOnlyCollection<ImageFile> files, int channels, string reader)
    {
        int colour = files.Count(f => f.Channels == 3), grey = files.Count - colour;
        if (channels == 1 && colour > 0)
        {
            return $"{colour:N0} of {files.Count:N0} images are in colour; {reader} reads grey images, so they are converted to grey.";
        }
        if (channels == 3 && grey > 0)
        {
            return $"{grey:N0} of {files.Count:N0} images are grey; {reader} reads RGB images, so each of them is read as R = G = B.";
        }
        return null;
    }
}
