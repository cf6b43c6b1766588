namespace RagGate.Evaluation.Config;

/// <summary>The <c>server:</c> section: limits and switches of <c>raggate serve</c>.</summary>
public sealed record ServerSettings
{
    /// <summary>The environment variable holding the admin bearer token unless the config names another.</summary>
    public const string DefaultAdminTokenEnv = "RAGGATE_ADMIN_TOKEN";

    /// <summary>Largest request body, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 16 * 1024;

    /// <summary>Longest query, in characters.</summary>
    public int MaxQueryChars { get; init; } = 2000;

    /// <summary>Largest <c>k</c> a <c>/retrieve</c> call may ask for.</summary>
    public int MaxK { get; init; } = 100;

    /// <summary>Time a request may take before it is answered 504, in seconds.</summary>
    public double RequestTimeoutSeconds { get; init; } = 30;

    /// <summary>Time in-flight requests get to finish after SIGTERM, in seconds.</summary>
    public double ShutdownTimeoutSeconds { get; init; } = 30;

    /// <summary>Requests per second each client may make on average (token bucket refill); 0 turns the limiter off.</summary>
    public int RateLimitPerSecond { get; init; } = 200;

    /// <summary>Requests a client may make at once above the average (token bucket size).</summary>
    public int RateLimitBurst { get; init; } = 400;

    /// <summary>Origins allowed by CORS; empty (the default) sends no CORS headers at all.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>True to map <c>POST /admin/reload</c>.</summary>
    public bool AdminEnabled { get; init; }

    /// <summary>The environment variable that holds the admin bearer token.</summary>
    public string AdminTokenEnv { get; init; } = DefaultAdminTokenEnv;
}
