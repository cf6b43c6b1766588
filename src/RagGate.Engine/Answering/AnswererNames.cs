namespace RagGate.Engine.Answering;

/// <summary>The names of the answerers, as configuration spells them.</summary>
public static class AnswererNames
{
    /// <summary>Quotes the context sentences closest to the question (<see cref="ExtractiveAnswerer"/>).</summary>
    public const string Extractive = "extractive";

    /// <summary>Asks a chat model over an OpenAI-compatible API (<see cref="ChatClientAnswerer"/>).</summary>
    public const string Chat = "chat";
}
