namespace RagGate.Cli.Tests.History;

/// <summary>The history scenario on a SQLite file.</summary>
public sealed class SqliteEvalHistoryEndToEndTests : EvalHistoryEndToEndTests
{
    protected override Task<string> StoreAsync() => Task.FromResult(".raggate/history.db");
}
