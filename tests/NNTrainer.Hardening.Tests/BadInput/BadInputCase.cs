namespace NNTrainer.Hardening.Tests.BadInput;

/// <summary>What a bad input produced: the error (exception types, outermost first, or the tool's exit code) and its message.</summary>
public sealed record Outcome(string Error, string Message)
{
    public static readonly Outcome NoError = new("no error", "");

    /// <summary>The exception as a user meets it: its type chain and the most specific message.</summary>
    public static Outcome From(Exception e)
    {
        var chain = new List<Exception>();
        for (var x = e; x is not null; x = x.InnerException) chain.Add(x);
        // The most specific message, or an outer one that repeats it with more context ("Layer 1 (DenseLayer) does not fit: …").
        var innermost = chain[^1].Message;
        var message = chain.First(x => x.Message.Contains(innermost, StringComparison.Ordinal)).Message;
        return new Outcome(string.Join(" → ", chain.Select(x => x.GetType().Name)), message.ReplaceLineEndings(" "));
    }

    public static Outcome Of(Action action)
    {
        try
        {
            action();
            return NoError;
        }
        catch (Exception e)
        {
            return From(e);
        }
    }
}

/// <summary>One row of the bad-input matrix: where the input goes in, what is wrong with it, and what the error must say.</summary>
/// <param name="Surface">engine, ML.NET or CLI.</param>
/// <param name="Case">What is wrong, in a few words.</param>
/// <param name="Run">Feeds the bad input and reports what happened.</param>
/// <param name="Error">The exception type (the outermost one) or exit code expected.</param>
/// <param name="Mentions">What the message must name (the column, row, option or value), case-insensitively.</param>
public sealed record BadInputCase(string Surface, string Case, Func<Outcome> Run, string Error, params string[] Mentions)
{
    public string Id => $"{Surface}: {Case}";

    public override string ToString() => Id;
}
