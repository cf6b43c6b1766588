namespace RagGate.Cli.Evaluating;

/// <summary>The run history options of <c>raggate eval</c>.</summary>
/// <param name="Store">--store: where runs are recorded (a SQLite path or a postgres:// URL); RAGGATE_STORE when null.</param>
/// <param name="Branch">--branch: the branch to record under; detected from CI or git when null.</param>
/// <param name="BaselineOptional">--baseline-optional: run without a baseline when history has none.</param>
internal sealed record HistoryOptions(string? Store, string? Branch, bool BaselineOptional);
