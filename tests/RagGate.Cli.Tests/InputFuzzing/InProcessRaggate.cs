namespace RagGate.Cli.Tests.InputFuzzing;

/// <summary>
/// Runs raggate's real command line (RaggateApp: parsing, CommandGuard, the sessions) inside the test process,
/// with stdout and stderr captured, so hundreds of inputs can be tried in seconds. Console redirection is
/// process-wide, so these tests run in a collection that nothing runs beside.
/// </summary>
internal static class InProcessRaggate
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<RaggateProcess.Result> RunAsync(params string[] args)
    {
        await OneAtATime.WaitAsync();
        var (stdoutBefore, stderrBefore) = (Console.Out, Console.Error);
        // Not disposed: a console library may keep the writer it first saw.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var code = await RaggateApp.RunAsync(args);
            return new RaggateProcess.Result(code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(stdoutBefore);
            Console.SetError(stderrBefore);
            OneAtATime.Release();
        }
    }
}
