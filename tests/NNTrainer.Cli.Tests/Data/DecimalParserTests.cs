using System.Globalization;
using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class DecimalParserTests
{
    private static readonly string[] Signs = ["", "-", "+", "-"];

    [Fact]
    public void PlainDecimalsParseToFloatParsesValueBitForBit()
    {
        var random = new Random(7);
        int checkedCount = 0;
        for (int i = 0; i < 200_000; i++)
        {
            int whole = random.Next(0, 6), fraction = random.Next(0, 10);
            var text = Signs[random.Next(Signs.Length)] + Digits(random, Math.Max(whole, 1)) + (fraction > 0 ? "." + Digits(random, fraction) : "");
            if (!DecimalParser.TryParsePlain(text, out float ours)) continue;
            float expected = float.Parse(text, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(ours), $"{text}: {ours:R} vs float.Parse {expected:R}");
            checkedCount++;
        }
        Assert.True(checkedCount > 190_000, $"only {checkedCount} took the fast path");
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("Infinity")]
    [InlineData("1234567890123456")]
    [InlineData("1.2.3")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    public void OtherFormsAreLeftToFloatTryParse(string text) => Assert.False(DecimalParser.TryParsePlain(text, out _));

    [Fact]
    public void AFloatMidpointIsLeftToFloatTryParse()
    {
        // 16777217 = 2^24 + 1 lies exactly halfway between the floats 16777216 and 16777218.
        Assert.False(DecimalParser.TryParsePlain("16777217", out _));
        Assert.True(DecimalParser.TryParsePlain("16777216", out float exact));
        Assert.Equal(16777216f, exact);
    }

    [Theory]
    [InlineData("1.", 1f)]
    [InlineData(".5", 0.5f)]
    [InlineData("+.5", 0.5f)]
    [InlineData("-0", -0f)]
    [InlineData("123456789012345", 123456789012345f)]
    [InlineData("0.00000000000001", 1e-14f)]
    [InlineData("99999999.9999999", 99999999.9999999f)]
    public void EdgeFormsAtTheParsersLimitsMatchFloatParse(string text, float expected)
    {
        Assert.True(DecimalParser.TryParsePlain(text, out float ours));
        Assert.Equal(BitConverter.SingleToInt32Bits(float.Parse(text, CultureInfo.InvariantCulture)), BitConverter.SingleToInt32Bits(ours));
        Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(ours));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("+")]
    [InlineData("1.2345678901234567")]
    [InlineData("--1")]
    [InlineData("1-")]
    [InlineData("1 ")]
    [InlineData("1.5e")]
    [InlineData("12a")]
    public void MalformedOrTooLongFormsAreNotPlain(string text) => Assert.False(DecimalParser.TryParsePlain(text, out _));

    private static string Digits(Random random, int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))).ToArray());
}
