namespace RagGate.Server.Hosting;

/// <summary>
/// The exit codes of <c>raggate serve</c> and <c>raggate rollout start</c>, the same numbers as every raggate
/// command: a CI step reads 1 as "the change was judged and failed" and 2 as "the input is wrong".
/// </summary>
internal static class ServerExitCodes
{
    /// <summary>Served until stopped, or the rollout was promoted.</summary>
    public const int Success = 0;

    /// <summary>The rollout was rolled back.</summary>
    public const int RolledBack = 1;

    /// <summary>The config, spec or a command-line value is wrong.</summary>
    public const int BadInput = 2;
}
