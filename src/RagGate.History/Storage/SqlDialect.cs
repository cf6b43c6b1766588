namespace RagGate.History.Storage;

/// <summary>The few words where SQLite and PostgreSQL differ; every statement is otherwise shared.</summary>
/// <param name="IdColumn">The auto-numbered primary key column definition.</param>
internal sealed record SqlDialect(string IdColumn)
{
    public static SqlDialect Sqlite { get; } = new("id INTEGER PRIMARY KEY AUTOINCREMENT");

    public static SqlDialect Postgres { get; } = new("id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
}
