using RagGate.Evaluation;

namespace RagGate.History.Tests;

public sealed class RunStoreLocationTests
{
    [Theory]
    [InlineData(".raggate/history.db")]
    [InlineData("sqlite:.raggate/history.db")]
    public void Parse_Path_IsASqliteFileWithItsFullPath(string value)
    {
        var location = RunStoreLocation.Parse(value, "--store");

        Assert.Equal(Path.GetFullPath(".raggate/history.db"), location.SqlitePath);
        Assert.Null(location.PostgresConnectionString);
    }

    [Fact]
    public void Parse_PostgresUrl_BuildsTheConnectionStringAndHidesThePassword()
    {
        var location = RunStoreLocation.Parse("postgresql://ci:p%40ss@db.internal:6543/raggate?sslmode=require&application_name=ci", "RAGGATE_STORE");

        Assert.Null(location.SqlitePath);
        Assert.Equal("postgres://ci@db.internal:6543/raggate", location.Display);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(location.PostgresConnectionString);
        Assert.Equal(("db.internal", 6543, "raggate", "ci", "p@ss"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("ci", builder.ApplicationName);
    }

    [Theory]
    [InlineData("postgres://", "no host")]
    [InlineData("postgres://ci:secret@db.internal:5432", "no database name after the host")]
    [InlineData("postgres://ci:secret@db.internal:5432/a/b", "no database name after the host")]
    [InlineData("postgres://ci:secret@db.internal:99999/raggate", "no host")]
    [InlineData("postgres://ci:secret@db.internal/raggate?colour=blue", "query parameter 'colour' is not understood")]
    public void Parse_MalformedPostgresUrl_ThrowsOneLineWithoutThePassword(string value, string reason)
    {
        var error = Assert.Throws<InputException>(() => RunStoreLocation.Parse(value, "--store"));

        Assert.StartsWith("--store: '", error.Message, StringComparison.Ordinal);
        Assert.Contains($"is not a PostgreSQL URL ({reason})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql://db/raggate")]
    [InlineData("")]
    public void Parse_NeitherPathNorPostgres_ThrowsOneLine(string value)
    {
        var error = Assert.Throws<InputException>(() => RunStoreLocation.Parse(value, "--store"));

        Assert.StartsWith("--store: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a SQLite file path or postgres://", error.Message, StringComparison.Ordinal);
    }
}
