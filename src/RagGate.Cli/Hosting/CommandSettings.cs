namespace RagGate.Cli.Hosting;

/// <summary>
/// What one command was asked to do, bound from its command line, as Spectre.Console.Cli's <c>CommandSettings</c>:
/// <see cref="Validate"/> checks the values on their own before the command runs; reading files is the command's work.
/// </summary>
internal abstract record CommandSettings
{
    /// <summary>Throws an <see cref="Evaluation.InputException"/> naming the option and what it expects when a value is not allowed.</summary>
    public virtual void Validate()
    {
    }
}
