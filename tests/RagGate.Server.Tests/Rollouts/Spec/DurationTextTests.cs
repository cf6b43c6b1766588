using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Tests.Rollouts.Spec;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    public void TryParse_ArgoDuration_Milliseconds(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(milliseconds, (long)duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10 s")]
    [InlineData("-5s")]
    [InlineData("5d")]
    [InlineData("s")]
    [InlineData("9999999999")]
    public void TryParse_NotADuration_False(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(30_000, "30s")]
    [InlineData(1_500, "1500ms")]
    [InlineData(120_000, "2m")]
    [InlineData(90_000, "90s")]
    [InlineData(7_200_000, "2h")]
    public void Format_Duration_RoundTrips(long milliseconds, string expected)
    {
        var text = DurationText.Format(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, text);
        Assert.True(DurationText.TryParse(text, out var back));
        Assert.Equal(milliseconds, (long)back.TotalMilliseconds);
    }
}
