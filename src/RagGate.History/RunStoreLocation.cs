using Npgsql;
using RagGate.Evaluation;

namespace RagGate.History;

/// <summary>
/// Where the history lives: a SQLite file (a path, or <c>sqlite:PATH</c>) or a PostgreSQL database
/// (<c>postgres://user:password@host:port/database?sslmode=...</c>).
/// </summary>
public sealed record RunStoreLocation
{
    /// <summary>The history file used when no store is named.</summary>
    public const string DefaultPath = ".raggate/history.db";

    /// <summary>The environment variable that names the store when <c>--store</c> is not given.</summary>
    public const string EnvironmentVariable = "RAGGATE_STORE";

    private RunStoreLocation(string display, string? sqlitePath, string? postgres)
    {
        Display = display;
        SqlitePath = sqlitePath;
        PostgresConnectionString = postgres;
    }

    /// <summary>The location for messages, without a password.</summary>
    public string Display { get; }

    /// <summary>The SQLite file (full path), or null for PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>The Npgsql connection string, or null for SQLite.</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>The store named by <paramref name="option"/>, else by <c>RAGGATE_STORE</c>, else null.</summary>
    public static RunStoreLocation? Named(string? option) =>
        option is not null ? Parse(option, "--store")
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? Parse(env, EnvironmentVariable)
        : null;

    /// <summary>The store named by <paramref name="option"/> or <c>RAGGATE_STORE</c>, else <see cref="DefaultPath"/>.</summary>
    public static RunStoreLocation NamedOrDefault(string? option) => Named(option) ?? Parse(DefaultPath, "--store");

    /// <summary>Parses a location; <paramref name="source"/> (the option or variable) names it in errors.</summary>
    public static RunStoreLocation Parse(string value, string source)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InputException($"{source}: empty; expected a SQLite file path or postgres://user@host:port/database");
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return ParsePostgres(value, source);
        var path = value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? value["sqlite:".Length..] : value;
        if (path.Contains("://", StringComparison.Ordinal))
            throw new InputException($"{source}: '{Redact(value)}' is not a store; expected a SQLite file path or postgres://user@host:port/database");
        InputFile.CheckPath(path, $"a SQLite history file ({source})");
        var full = Path.GetFullPath(path);
        return new RunStoreLocation(full, full, null);
    }

    private static RunStoreLocation ParsePostgres(string value, string source)
    {
        string Bad(string what) => $"{source}: '{Redact(value)}' is not a PostgreSQL URL ({what}); expected postgres://user:password@host:port/database";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new InputException(Bad("no host"));
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
            throw new InputException(Bad("no database name after the host"));
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
            // An unreachable server must fail in seconds, not after the 15 s default.
            Timeout = 5,
        };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0) builder.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length == 2) builder.Password = Uri.UnescapeDataString(user[1]);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, setting) = (Uri.UnescapeDataString(pair.Split('=', 2)[0]), pair.Contains('=', StringComparison.Ordinal) ? Uri.UnescapeDataString(pair.Split('=', 2)[1]) : "");
            try
            {
                builder[key switch { "sslmode" => "SSL Mode", "connect_timeout" => "Timeout", "application_name" => "Application Name", _ => key }] = setting;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new InputException(Bad($"query parameter '{key}' is not understood"));
            }
        }

        var display = $"postgres://{(user[0].Length > 0 ? user[0] + "@" : "")}{uri.Host}:{builder.Port}/{database}";
        return new RunStoreLocation(display, null, builder.ConnectionString);
    }

    // A password never reaches a message.
    private static string Redact(string value)
    {
        var at = value.LastIndexOf('@');
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return value;
        var colon = value.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? value[..colon] + ":***" + value[at..] : value;
    }
}
