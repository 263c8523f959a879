using SkiaSharp;

namespace NNTrainer.Tests.Images;

/// <summary>
/// Writes small synthetic image folders for the image tests: one sub-folder per class, PNG and JPEG files of varied
/// sizes (so the pipelines' resizing is exercised), classes told apart by their stripes.
/// </summary>
public static class TestImages
{
    /// <summary>The classes <see cref="WriteFolder"/> draws: horizontal stripes, vertical stripes, a bright centre.</summary>
    public static readonly string[] Classes = ["horizontal", "vertical", "spot"];

    /// <summary>Writes <paramref name="perClass"/> images of each of the first <paramref name="classes"/> classes under <paramref name="root"/>.</summary>
    /// <returns>Every file written with its class, in a fixed order.</returns>
    public static IReadOnlyList<(string Path, string Label)> WriteFolder(string root, int perClass, int seed, int classes = 3, bool colour = true)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        for (int c = 0; c < classes; c++)
        {
            string folder = Directory.CreateDirectory(Path.Combine(root, Classes[c])).FullName;
            for (int i = 0; i < perClass; i++)
            {
                int width = random.Next(14, 31), height = random.Next(14, 31);
                bool jpeg = i % 3 == 2;
                string path = Path.Combine(folder, $"{Classes[c]}-{i:D3}.{(jpeg ? "jpg" : "png")}");
                using var bitmap = Draw(c, width, height, random, colour);
                Save(bitmap, path, jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png);
                files.Add((path, Classes[c]));
            }
        }
        return files;
    }

    /// <summary>Writes one image of class <paramref name="classIndex"/> at the given size.</summary>
    public static void WriteImage(string path, int classIndex, int width, int height, int seed, bool colour = true)
    {
        using var bitmap = Draw(classIndex, width, height, new Random(seed), colour);
        Save(bitmap, path, path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png);
    }

    private static SKBitmap Draw(int classIndex, int width, int height, Random random, bool colour)
    {
        var bitmap = new SKBitmap(width, height);
        int period = random.Next(4, 7), phase = random.Next(period);
        byte hue = (byte)random.Next(256);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bool on = classIndex switch
                {
                    0 => (y + phase) % period < period / 2,
                    1 => (x + phase) % period < period / 2,
                    _ => Math.Abs(x - width / 2) < width / 4 && Math.Abs(y - height / 2) < height / 4,
                };
                int level = Math.Clamp((on ? 210 : 40) + random.Next(-30, 31), 0, 255);
                bitmap.SetPixel(x, y, colour ? new SKColor((byte)level, (byte)(level * hue / 255), (byte)(255 - level)) : new SKColor((byte)level, (byte)level, (byte)level));
            }
        }
        return bitmap;
    }

    private static void Save(SKBitmap bitmap, string path, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        using var stream = File.Create(path);
        data.SaveTo(stream);
    }
}
