namespace RagGate.Engine.Answering;

/// <summary>Which answerer builds answers; configuration names them (see <see cref="AnswererNames"/>).</summary>
public enum AnswererKind
{
    /// <summary>Quotes the context sentences closest to the question, offline (<see cref="ExtractiveAnswerer"/>).</summary>
    Extractive,

    /// <summary>Asks a chat model over an OpenAI-compatible API (<see cref="ChatClientAnswerer"/>).</summary>
    Chat,
}
