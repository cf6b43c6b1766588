namespace RagGate.Cli.Tests.History;

/// <summary>The history scenario on a real PostgreSQL server (a throwaway cluster started by the fixture).</summary>
public sealed class PostgresEvalHistoryEndToEndTests(PostgresCluster cluster) : EvalHistoryEndToEndTests, IClassFixture<PostgresCluster>
{
    protected override Task<string> StoreAsync() => cluster.CreateDatabaseAsync();
}
