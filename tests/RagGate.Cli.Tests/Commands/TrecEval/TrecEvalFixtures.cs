namespace RagGate.Cli.Tests.Commands.TrecEval;

/// <summary>
/// The trec_eval fixtures (qrels, runs and trec_eval's own output), kept once in the evaluation tests and
/// copied next to this test assembly too (see the project file).
/// </summary>
internal static class TrecEvalFixtures
{
    public static string Path(string folder, string file) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "trec_eval", folder, file);
}
