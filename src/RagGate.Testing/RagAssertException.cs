using Xunit.Sdk;

namespace RagGate.Testing;

/// <summary>A failed RAG assertion: the message says what failed, by how much and on which queries.</summary>
public sealed class RagAssertException : XunitException
{
    /// <summary>Creates the failure with its full message.</summary>
    public RagAssertException(string message) : base(message) { }

    /// <summary>Creates the failure with an inner cause.</summary>
    public RagAssertException(string message, Exception innerException) : base(message, innerException) { }
}
