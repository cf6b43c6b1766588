namespace RagGate.Evaluation;

/// <summary>
/// Bad input or config: the message is one line naming the file, the place and what is expected.
/// Commands catch it, print the message and exit with code 2.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the error from a complete one-line message.</summary>
    public InputException(string message) : base(message) { }

    /// <summary>Creates the error with an inner cause (never shown to the user).</summary>
    public InputException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the error for a file, a place in it (line or field) and what was expected.</summary>
    public static InputException At(string file, string? place, string expected) =>
        new(place is null ? $"{file}: {expected}" : $"{file}:{place}: {expected}");

    /// <summary>An empty constructor for serializers and analyzers.</summary>
    public InputException() { }
}
