using System.Buffers.Text;

namespace NNTrainer.ML;

/// <summary>
/// The network as text, so that a stock <c>MapValue</c> step can carry it inside a saved model:
/// <c>NNTrainer.ML/1|</c>, the engine's checked model format in base64, <c>|</c>, then the feature column's name
/// (for error messages after reloading).
/// </summary>
internal static class ModelText
{
    private const string Header = "NNTrainer.ML/1|";

    public static string Encode(Network network, string featureColumnName)
    {
        using var stream = new MemoryStream();
        network.Save(stream);
        int length = (int)stream.Length;
        // Written in place: for a text model the base64 is 70 M characters, and concatenating would copy all of it again.
        int base64Length = (length + 2) / 3 * 4;
        return string.Create(Header.Length + base64Length + 1 + featureColumnName.Length, (Bytes: stream.GetBuffer(), Length: length, Name: featureColumnName),
            static (chars, state) =>
            {
                Header.CopyTo(chars);
                Convert.TryToBase64Chars(state.Bytes.AsSpan(0, state.Length), chars[Header.Length..], out int written);
                chars[Header.Length + written] = '|';
                state.Name.CopyTo(chars[(Header.Length + written + 1)..]);
            });
    }

    /// <exception cref="ModelFormatException">The text is not a model written by <see cref="Encode"/>, or the network in it is damaged.</exception>
    public static (Network Network, string FeatureColumnName) Decode(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith(Header, StringComparison.Ordinal))
        {
            throw new ModelFormatException("The saved model's network column does not hold an NNTrainer.ML network (wrong header); the .zip is damaged or was edited.");
        }
        text = text[Header.Length..];
        int separator = text.IndexOf('|');
        if (separator < 0) throw new ModelFormatException("The saved model's network text is truncated: its feature column name is missing.");
        var base64 = text[..separator];
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        if (!Convert.TryFromBase64Chars(base64, bytes, out int length))
        {
            throw new ModelFormatException("The saved model's network text is not valid base64; the .zip is damaged or was edited.");
        }
        using var stream = new MemoryStream(bytes, 0, length, writable: false);
        return (Network.Load(stream), text[(separator + 1)..].ToString());
    }
}
