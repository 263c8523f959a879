namespace NNTrainer.Tests.Training;

public class ConvolutionalDefaultsTests
{
    [Theory]
    [InlineData(9, 50)]
    [InlineData(1_280, 50)]
    [InlineData(1_281, 49)]
    [InlineData(1_920, 33)]
    [InlineData(4_800, 13)]
    [InlineData(10_000, 6)]
    [InlineData(20_000, 5)]
    [InlineData(60_000, 5)]
    public void The_default_is_about_two_thousand_weight_updates_within_five_to_fifty_epochs(long rows, int epochs)
    {
        var length = ConvolutionalDefaults.For(rows);

        Assert.Equal(new ConvolutionalLength(epochs, 0, 0, 0, TooFewImages: false), length);
        Assert.False(length.StopsEarly);
        Assert.Equal($"{epochs} epochs (about 2,000 weight updates, from 5 to 50 epochs)", length.ToString());
    }

    [Fact]
    public void The_updates_are_counted_in_the_batches_given()
    {
        // 4,800 images in batches of 128: 38 updates an epoch, 53 epochs for 2,000, capped at 50; of 16: 300 an epoch.
        Assert.Equal(50, ConvolutionalDefaults.For(4_800, batchSize: 128).Epochs);
        Assert.Equal(7, ConvolutionalDefaults.For(4_800, batchSize: 16).Epochs);
    }

    [Fact]
    public void A_hold_out_without_a_patience_is_watched_not_stopped_on()
    {
        var length = ConvolutionalDefaults.For(4_800, validationFraction: 0.2);

        Assert.Equal(new ConvolutionalLength(13, 0.2, 0, 960, false), length);
        Assert.Equal("13 epochs (about 2,000 weight updates, from 5 to 50 epochs), watching a 20 % validation hold-out (960 images)", length.ToString());
    }

    [Theory]
    [InlineData(4_800, 480)]
    [InlineData(195, 20)]
    public void A_patience_without_epochs_stops_early_on_a_tenth_held_out_within_fifty_epochs(long rows, int held)
    {
        var length = ConvolutionalDefaults.For(rows, patience: 5);

        Assert.Equal(new ConvolutionalLength(50, 0.1, 5, held, TooFewImages: false), length);
        Assert.True(length.StopsEarly);
        Assert.Equal($"up to 50 epochs, stopping after 5 without a lower loss on a 10 % validation hold-out ({held:N0} images) and keeping the best epoch's weights", length.ToString());
    }

    [Fact]
    public void Too_few_images_for_a_hold_out_of_twenty_stop_on_the_training_loss()
    {
        var length = ConvolutionalDefaults.For(194, patience: 3);

        Assert.Equal(new ConvolutionalLength(50, 0, 3, 0, TooFewImages: true), length);
        Assert.Equal("up to 50 epochs, stopping after 3 without a lower training loss (too few images to hold out 20 for validation)", length.ToString());
    }

    [Fact]
    public void A_hold_out_of_the_callers_is_kept_however_small_and_validation_data_holds_nothing_out()
    {
        Assert.Equal(new ConvolutionalLength(50, 0.05, 5, 5, false), ConvolutionalDefaults.For(100, validationFraction: 0.05, patience: 5));
        var onTheirs = ConvolutionalDefaults.For(100, patience: 5, validationData: true);
        Assert.Equal(new ConvolutionalLength(50, 0, 5, 0, false), onTheirs);
        Assert.Equal("up to 50 epochs, stopping after 5 without a lower validation loss and keeping the best epoch's weights", onTheirs.ToString());
        Assert.Equal(new ConvolutionalLength(13, 0, 0, 0, false), ConvolutionalDefaults.For(4_800, validationFraction: 0.1, validationData: true));
    }

    [Theory]
    [InlineData(0L, 32, 0.0, 0, "rows")]
    [InlineData(10L, 0, 0.0, 0, "batchSize")]
    [InlineData(10L, 32, 1.0, 0, "validationFraction")]
    [InlineData(10L, 32, -0.1, 0, "validationFraction")]
    [InlineData(10L, 32, double.NaN, 0, "validationFraction")]
    [InlineData(10L, 32, 0.0, -1, "patience")]
    public void Bad_arguments_are_refused_naming_the_argument(long rows, int batchSize, double fraction, int patience, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionalDefaults.For(rows, batchSize, fraction, patience));

        Assert.Equal(name, error.ParamName);
    }
}
