namespace NNTrainer.Tests.Training;

public class ConvolutionalDefaultsTests
{
    [Theory]
    [InlineData(4_800, 480)]
    [InlineData(1_920, 192)]
    [InlineData(20_000, 2_000)]
    [InlineData(195, 20)]
    public void A_training_set_holds_out_a_tenth_and_stops_after_five_epochs_without_a_lower_validation_loss(long rows, int held)
    {
        var length = ConvolutionalDefaults.For(rows);

        Assert.Equal(new ConvolutionalLength(50, 0.1, 5, held, TooFewImages: false), length);
        Assert.True(length.StopsEarly);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(194)]
    public void Too_few_images_for_a_hold_out_of_twenty_train_fifty_epochs_on_all_of_them(long rows)
    {
        var length = ConvolutionalDefaults.For(rows);

        Assert.Equal(new ConvolutionalLength(50, 0, 0, 0, TooFewImages: true), length);
        Assert.False(length.StopsEarly);
        Assert.Equal("50 epochs without early stopping (too few images to hold out 20 for validation)", length.ToString());
    }

    [Fact]
    public void A_fraction_or_patience_of_the_callers_is_kept_and_the_other_takes_its_default()
    {
        Assert.Equal(new ConvolutionalLength(50, 0.25, 5, 1_200, false), ConvolutionalDefaults.For(4_800, validationFraction: 0.25));
        Assert.Equal(new ConvolutionalLength(50, 0.1, 2, 480, false), ConvolutionalDefaults.For(4_800, patience: 2));
        // The caller chose this small hold-out: it is not overruled by the 20-image floor of the default one.
        Assert.Equal(new ConvolutionalLength(50, 0.05, 5, 5, false), ConvolutionalDefaults.For(100, validationFraction: 0.05));
    }

    [Fact]
    public void Validation_data_of_the_callers_holds_nothing_out_and_stops_on_it()
    {
        var length = ConvolutionalDefaults.For(100, validationData: true);

        Assert.Equal(new ConvolutionalLength(50, 0, 5, 0, false), length);
        Assert.Equal("up to 50 epochs, stopping after 5 without a lower validation loss and keeping the best epoch's weights", length.ToString());
    }

    [Fact]
    public void The_rule_reads_as_what_it_does()
    {
        Assert.Equal("up to 50 epochs, stopping after 5 without a lower loss on a 10 % validation hold-out (2,000 images) and keeping the best epoch's weights",
            ConvolutionalDefaults.For(20_000).ToString());
    }

    [Theory]
    [InlineData(0L, 0.0, 0, "rows")]
    [InlineData(10L, 1.0, 0, "validationFraction")]
    [InlineData(10L, -0.1, 0, "validationFraction")]
    [InlineData(10L, double.NaN, 0, "validationFraction")]
    [InlineData(10L, 0.0, -1, "patience")]
    public void Bad_arguments_are_refused_naming_the_argument(long rows, double fraction, int patience, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionalDefaults.For(rows, fraction, patience));

        Assert.Equal(name, error.ParamName);
    }
}
