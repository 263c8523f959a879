using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class MarkerSetTests
{
    [Fact]
    public void TextsMatchAsWrittenAndNumbersByValue()
    {
        var markers = new MarkerSet(["n/a", "-999", "unknown"]);

        Assert.True(markers.Matches("n/a"));
        Assert.False(markers.Matches("N/A"));
        Assert.False(markers.Matches("unknown!"));
        Assert.True(markers.Matches("-999.0"));
        Assert.True(markers.Matches("-9.99e2"));
        Assert.False(markers.Matches("-99.9"));
        Assert.False(markers.Matches(""));
        Assert.True(markers.Matches(-999f));
        Assert.False(markers.Matches(999f));
    }

    [Fact]
    public void TextMarkersMatchNoNumber()
    {
        var markers = new MarkerSet(["?"]);

        Assert.False(markers.Matches(0f));
        Assert.False(markers.Matches("0"));
    }
}
