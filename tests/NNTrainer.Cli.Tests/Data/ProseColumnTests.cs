using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class ProseColumnTests
{
    [Fact]
    public void Sentences_are_text()
    {
        var column = TableColumn.Categorical("review", ["works fine, but loud", "the box arrived broken and late", null, "would buy this again for my kitchen"]);

        Assert.True(ProseColumn.Is(column));
        Assert.Equal("Column 'review' holds free text (3 distinct values, 5.7 words on average): its words and letter trigrams are counted as features (ML.NET's FeaturizeText).",
            ProseColumn.Note(column, 3));
    }

    [Theory]
    [InlineData("9221 JENNRICH AVE", "8939 CANARY AVE", "12 W 4TH ST")]          // addresses: three words
    [InlineData("Smith, John", "Doe, Jane", "Miller, Anna Maria")]               // names
    [InlineData("AB-1234-XY 77 K", "CD-9981-QQ 12 L", "EF-0001-ZZ 90 M 5")]     // codes of four or more parts: mostly digits and signs
    [InlineData("1 2 3 4 5", "6 7 8 9 10", "11 12 13 14 15")]                    // numbers separated by spaces
    public void Addresses_names_and_codes_are_not(string a, string b, string c)
    {
        Assert.False(ProseColumn.Is(TableColumn.Categorical("x", [a, b, c])));
    }

    [Fact]
    public void A_column_of_missing_values_is_not_text()
    {
        Assert.False(ProseColumn.Is(TableColumn.Categorical("x", [null, null])));
    }
}
