namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>A fact that needs headless Chromium; skipped, with the reason, only when <c>/usr/bin/chromium</c> is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.Path))
            Skip = $"{Chromium.Path} is not installed (apt-get install chromium; .ci/run installs it), so the rendered HTML cannot be checked";
    }
}
