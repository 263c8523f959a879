using SkiaSharp;

namespace NNTrainer.Cli.Images;

/// <summary>One image file and, when it sits in a class sub-folder, its class.</summary>
/// <param name="Path">The full path.</param>
/// <param name="RelativePath">The path under the folder given on the command line (what predictions print).</param>
/// <param name="Label">The class sub-folder's name, or "" for an image directly in the folder.</param>
/// <param name="Channels">1 for a grey image, 3 for a colour one (alpha is dropped).</param>
internal sealed record ImageFile(string Path, string RelativePath, string Label, int Channels);

/// <summary>
/// A folder of images with one sub-folder per class, read and checked before anything trains or is written: every
/// PNG or JPEG file is opened with the decoder ML.NET's <c>LoadImages</c> uses (SkiaSharp), so a file that cannot be
/// decoded is named here rather than deep in a pipeline.
/// </summary>
internal static class ImageFolder
{
    /// <summary>The file extensions read as images (any case).</summary>
    public static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>Picture formats people keep images in that are not read: named in a note, not silently skipped.</summary>
    private static readonly string[] OtherPictures = [".bmp", ".gif", ".webp", ".tif", ".tiff", ".heic", ".heif", ".avif"];

    /// <summary>The class sub-folders (ordinal order, which is the models' class order) and their images.</summary>
    /// <param name="folder">The folder given on the command line.</param>
    /// <param name="training">Whether a classifier is trained on it (two classes needed); a model can be evaluated on one class's images.</param>
    /// <exception cref="CliException">No class (or one, for training), an empty class folder, or a file that cannot be decoded.</exception>
    public static (string[] Classes, ImageFile[] Files) ReadClasses(string folder, bool training = true)
    {
        var root = Root(folder);
        var classes = Folders(root).Select(d => System.IO.Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
        {
            throw new CliException($"{folder} has no class sub-folders: put the images of each class in a sub-folder named after the class (e.g. {System.IO.Path.Combine(folder, "cat")}, {System.IO.Path.Combine(folder, "dog")}).");
        }
        if (classes.Length == 1 && training)
        {
            throw new CliException($"{folder} has one class sub-folder ('{classes[0]}'); a classifier needs at least two classes, one sub-folder each.");
        }
        // Every class folder is listed before any image is decoded: an empty one is named at once, not after decoding the others.
        var images = classes.Select(name => (Name: name, Paths: Images(System.IO.Path.Combine(root, name), recursive: true))).ToArray();
        var empty = images.Where(c => c.Paths.Length == 0).Select(c => System.IO.Path.Combine(root, c.Name)).ToArray();
        if (empty.Length > 0)
        {
            throw new CliException(empty.Length == 1
                ? $"Class folder {empty[0]} has no images ({string.Join(", ", Extensions)}); every class needs at least one."
                : $"Class folders {string.Join(", ", empty)} have no images ({string.Join(", ", Extensions)}); every class needs at least one.");
        }
        return (classes, OpenAll(images.SelectMany(c => c.Paths.Select(path => (path, c.Name))), root));
    }

    /// <summary>Every image under <paramref name="folder"/>, class sub-folders included, in ordinal order of their paths.</summary>
    /// <exception cref="CliException">No image at all, or a file that cannot be decoded.</exception>
    public static ImageFile[] ReadAll(string folder)
    {
        var root = Root(folder);
        var files = OpenAll(Images(root).Select(path => (path, ""))
            .Concat(Folders(root).Order(StringComparer.Ordinal)
                .SelectMany(d => Images(d, recursive: true).Select(path => (path, System.IO.Path.GetFileName(d))))), root);
        if (files.Length == 0) throw new CliException($"{folder} has no images ({string.Join(", ", Extensions)}), neither directly nor in sub-folders.");
        return files;
    }

    /// <summary>One image file given on its own (<c>predict MODEL photo.jpg</c>), checked as the images of a folder are.</summary>
    /// <exception cref="CliException">The file cannot be decoded.</exception>
    public static ImageFile ReadFile(string path) =>
        OpenAll([(path, "")], System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!)[0];

    /// <summary>Whether the path names an image file by its extension (<see cref="Extensions"/>, any case).</summary>
    public static bool IsImageFile(string path) => Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A note when images sit directly in <paramref name="folder"/>, beside the class sub-folders: they have no class,
    /// so training and evaluation leave them out, which the user who dropped them there would not guess.
    /// </summary>
    public static string? Unclassified(string folder)
    {
        var stray = Images(Root(folder));
        if (stray.Length == 0) return null;
        var names = string.Join(", ", stray.Take(3).Select(System.IO.Path.GetFileName)) + (stray.Length > 3 ? ", …" : "");
        return $"{stray.Length:N0} image(s) directly in {folder} ({names}) are in no class sub-folder, so they are not used; move each into its class's folder.";
    }

    /// <summary>
    /// A note when the folder holds pictures in formats that are not read (BMP, GIF, WebP, TIFF, HEIC, AVIF): they are
    /// left out like any other file, which someone who exported a class as WebP would not guess from a count.
    /// </summary>
    public static string? Unread(string folder)
    {
        var root = Root(folder);
        var unread = Files(root, OtherPictures, recursive: true);
        if (unread.Length == 0) return null;
        var names = string.Join(", ", unread.Take(3).Select(f => System.IO.Path.GetRelativePath(root, f))) + (unread.Length > 3 ? ", …" : "");
        return $"{unread.Length:N0} picture(s) in {folder} ({names}) are not PNG or JPEG files, so they are not used; convert them to PNG or JPEG to use them.";
    }

    private static string Root(string folder)
    {
        if (!Directory.Exists(folder)) throw new CliException($"Image folder not found: {folder}");
        return System.IO.Path.GetFullPath(folder);
    }

    /// <summary>
    /// The image files of a folder (with <paramref name="recursive"/>, of its sub-folders at any depth too: a class
    /// folder sorted into years or sources is still one class). Hidden files and folders (a leading '.') are skipped:
    /// macOS leaves <c>._name.png</c> resource forks beside copied images, which are not images.
    /// </summary>
    private static string[] Images(string folder, bool recursive = false) => Files(folder, Extensions, recursive);

    /// <summary>The visible files under <paramref name="folder"/> with one of <paramref name="extensions"/> (any case), in ordinal order of their paths.</summary>
    private static string[] Files(string folder, string[] extensions, bool recursive) => Directory.EnumerateFiles(folder, "*", Visible(recursive))
        .Where(f => extensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !IsHidden(System.IO.Path.GetRelativePath(folder, f)))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The sub-folders that can be classes: not hidden (e.g. <c>.ipynb_checkpoints</c>, <c>.git</c>).</summary>
    private static IEnumerable<string> Folders(string root) => Directory.GetDirectories(root).Where(d => !IsHidden(System.IO.Path.GetFileName(d)));

    private static EnumerationOptions Visible(bool recursive) => new() { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>Whether any part of a relative path starts with '.', the Unix convention for hidden files.</summary>
    private static bool IsHidden(string relativePath) =>
        relativePath.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));

    /// <summary>
    /// Opens every file (<see cref="Problem"/>) and names every one that cannot be used in one error, so that a folder
    /// with a few damaged files is mended in one pass rather than one run per file.
    /// </summary>
    private static ImageFile[] OpenAll(IEnumerable<(string Path, string Label)> images, string root)
    {
        var files = new List<ImageFile>();
        var problems = new List<string>();
        foreach (var (path, label) in images)
        {
            if (Problem(path, out int channels) is { } problem) problems.Add($"Image {path} {problem}.");
            else files.Add(new ImageFile(path, System.IO.Path.GetRelativePath(root, path), label, channels));
        }
        if (problems.Count == 1) throw new CliException(problems[0]);
        if (problems.Count > 1)
        {
            const int Shown = 10;
            var more = problems.Count > Shown ? $"{Environment.NewLine}  … and {problems.Count - Shown:N0} more." : "";
            throw new CliException($"{problems.Count:N0} of {problems.Count + files.Count:N0} images cannot be used; copy them again or remove them:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems.Take(Shown)) + more);
        }
        return files.ToArray();
    }

    /// <summary>
    /// Decodes the file with SkiaSharp (what <c>LoadImages</c> decodes with) and says what is wrong with a file that is
    /// not an image or whose data is cut short or damaged (null: nothing). The header alone is not enough: for a file cut
    /// off mid-data SkiaSharp's bitmap decoding (and so <c>LoadImages</c>) fills the missing rows with grey and reports no error.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="channels">1 for a grey image, 3 for a colour one (alpha is dropped).</param>
    private static string? Problem(string path, out int channels)
    {
        channels = 0;
        using var stream = File.OpenRead(path);
        // SkiaSharp reports an empty file as "Unimplemented", which says nothing to whoever copied it.
        if (stream.Length == 0) return "is empty (0 bytes): a PNG or JPEG file was expected";
        using var codec = SKCodec.Create(stream, out var result);
        if (codec is null) return $"cannot be decoded ({result}): it is not a PNG or JPEG file, or it is damaged";
        result = DecodePixels(codec);
        if (result == SKCodecResult.IncompleteInput)
        {
            return $"is cut short: its data ends before the last row of pixels ({codec.Info.Width}x{codec.Info.Height}); copy it again or remove it";
        }
        if (result != SKCodecResult.Success) return $"cannot be decoded ({result}): its header is readable but its pixel data is damaged";
        channels = codec.Info.ColorType is SKColorType.Gray8 or SKColorType.Alpha8 ? 1 : 3;
        return null;
    }

    /// <summary>
    /// Decodes every byte of the image's data. A JPEG is decoded at 1/8 scale (libjpeg's DCT scaling still reads the
    /// whole stream, so truncation is seen, for a 64th of the pixels); a PNG has no scaled decoding and is decoded whole.
    /// </summary>
    private static SKCodecResult DecodePixels(SKCodec codec)
    {
        var scaled = codec.GetScaledDimensions(0.125f);
        var result = Decode(codec, codec.Info.WithSize(scaled.Width, scaled.Height));
        return result == SKCodecResult.InvalidScale ? Decode(codec, codec.Info) : result;
    }

    private static SKCodecResult Decode(SKCodec codec, SKImageInfo info)
    {
        var pixels = new byte[info.BytesSize64];
        unsafe
        {
            fixed (byte* start = pixels) return codec.GetPixels(info, (IntPtr)start);
        }
    }
}
