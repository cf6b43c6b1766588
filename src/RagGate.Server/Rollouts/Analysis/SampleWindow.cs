using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// When a traffic window (errors, latency) is ready for the judge. It spans at least the metric's interval. A window
/// that then holds fewer than <see cref="JudgeSettings.MinSamples"/> requests on either revision is extended, for at
/// most <see cref="JudgeSettings.MaxSampleWait"/>, until it holds them: the rate a machine delivers is not the rate
/// the spec asked for (two cores under load answer a fraction of it), and a fixed window then ends Inconclusive for
/// want of requests that a few more seconds would bring. The verdict's rules do not change: a window still short
/// at the cap is judged as it is, Inconclusive.
/// </summary>
public static class SampleWindow
{
    /// <summary>How often an extended window is checked again.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long to wait before judging the window that started at <paramref name="since"/>; zero when it is ready now.
    /// </summary>
    /// <param name="since">The window's start (the run's start, or the metric's previous measurement).</param>
    /// <param name="span">The shortest window: the metric's interval.</param>
    /// <param name="now">Now.</param>
    /// <param name="window">What each revision served since <paramref name="since"/>.</param>
    /// <param name="settings">The judge's minimum sample count and the longest extension.</param>
    public static TimeSpan Wait(DateTimeOffset since, TimeSpan span, DateTimeOffset now, TrafficWindow window, JudgeSettings settings)
    {
        var shortest = since + span;
        if (now < shortest) return shortest - now;
        if (window.Control.Requests >= settings.MinSamples && window.Canary.Requests >= settings.MinSamples) return TimeSpan.Zero;
        var cap = shortest + settings.MaxSampleWait;
        return now >= cap ? TimeSpan.Zero : Min(Poll, cap - now);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
