using Microsoft.Extensions.Options;

namespace RagGate.Server.Hosting;

/// <summary>Checks the server options at start (<c>ValidateOnStart</c>): a failure stops the server with exit code 2.</summary>
internal sealed class RagServerOptionsValidator : IValidateOptions<RagServerOptions>
{
    /// <summary>Shortest admin token accepted: anything shorter can be guessed.</summary>
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, RagServerOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodyBytes < 256) failures.Add($"server.max_body_bytes: {options.MaxBodyBytes} is out of range; expected at least 256");
        if (options.MaxQueryChars < 1) failures.Add($"server.max_query_chars: {options.MaxQueryChars} is out of range; expected at least 1");
        if (options.MaxK < 1) failures.Add($"server.max_k: {options.MaxK} is out of range; expected at least 1");
        if (options.RequestTimeout <= TimeSpan.Zero) failures.Add("server.request_timeout_seconds: expected a positive number");
        if (options.ShutdownTimeout < TimeSpan.Zero) failures.Add("server.shutdown_timeout_seconds: expected 0 or more");
        if (options.RateLimitPerSecond < 0 || options.RateLimitBurst < 1) failures.Add("server.rate_limit: expected permits_per_second >= 0 and burst >= 1");
        if (options.AdminEnabled && (options.AdminToken?.Length ?? 0) < MinTokenLength)
        {
            failures.Add($"server.admin.token_env: environment variable {options.AdminTokenEnv} is unset or shorter than {MinTokenLength} characters; expected the admin bearer token");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
