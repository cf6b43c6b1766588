using Microsoft.Extensions.Options;
using RagGate.Server.Hosting;

namespace RagGate.Server.Api;

/// <summary>The request checks of the RAG endpoints: a query that is present, not blank and within the limit; <c>k</c> within bounds.</summary>
internal sealed class QueryValidator(IOptions<RagServerOptions> options)
{
    /// <summary>The errors of a request by field, or null when it is valid.</summary>
    public Dictionary<string, string[]>? Check(string? query, int? k = null)
    {
        var limits = options.Value;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(query))
        {
            errors["query"] = ["missing or empty; expected the question as a non-empty string"];
        }
        else if (query.Length > limits.MaxQueryChars)
        {
            errors["query"] = [$"{query.Length} characters is over the limit; expected at most {limits.MaxQueryChars}"];
        }

        if (k is { } value && (value < 1 || value > limits.MaxK))
        {
            errors["k"] = [$"{value} is out of range; expected 1 to {limits.MaxK}"];
        }

        return errors.Count == 0 ? null : errors;
    }
}
