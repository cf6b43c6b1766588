namespace RagGate.Server.Hosting;

/// <summary>
/// The server's limits, from the config's <c>server:</c> section, overridable from configuration
/// (environment <c>Server__MaxK=50</c>, command line <c>--Server:MaxK=50</c>) and validated at start.
/// </summary>
public sealed class RagServerOptions
{
    /// <summary>Configuration section that overrides the YAML values.</summary>
    public const string Section = "Server";

    /// <summary>Largest request body, in bytes.</summary>
    public long MaxBodyBytes { get; set; }

    /// <summary>Longest query, in characters.</summary>
    public int MaxQueryChars { get; set; }

    /// <summary>Largest <c>k</c> of <c>/retrieve</c>.</summary>
    public int MaxK { get; set; }

    /// <summary>Per-request timeout.</summary>
    public TimeSpan RequestTimeout { get; set; }

    /// <summary>Time in-flight requests get after SIGTERM.</summary>
    public TimeSpan ShutdownTimeout { get; set; }

    /// <summary>Average requests per second per client; 0 turns the limiter off.</summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>Token bucket size per client.</summary>
    public int RateLimitBurst { get; set; }

    /// <summary>CORS origins; empty: no CORS.</summary>
    public IList<string> CorsOrigins { get; } = [];

    /// <summary>True to map the admin endpoints.</summary>
    public bool AdminEnabled { get; set; }

    /// <summary>The environment variable that holds the admin token.</summary>
    public string AdminTokenEnv { get; set; } = "";

    /// <summary>The admin bearer token read from <see cref="AdminTokenEnv"/> at start.</summary>
    public string? AdminToken { get; set; }
}
