namespace RagGate.Server.Hosting;

/// <summary>
/// Where an index build at start shows its progress besides the log: the CLI's progress line when
/// <c>raggate serve</c> runs on a terminal, or nothing (logs only, as in a container).
/// </summary>
internal sealed record IndexBuildDisplay(IProgress<(int Done, int Total)>? Progress);
