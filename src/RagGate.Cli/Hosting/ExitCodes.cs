namespace RagGate.Cli.Hosting;

/// <summary>The exit codes of every raggate command.</summary>
internal static class ExitCodes
{
    /// <summary>Done, every gate passed.</summary>
    public const int Success = 0;

    /// <summary>Done, a gate failed; the report says which and why.</summary>
    public const int GateFailed = 1;

    /// <summary>The input or config is wrong.</summary>
    public const int BadInput = 2;
}
