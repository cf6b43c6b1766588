namespace RagGate.Evaluation.Tests.Fixtures;

/// <summary>Paths of the fixtures copied next to the test assembly.</summary>
internal static class FixturePath
{
    public static string TrecEval(string folder, string file) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "trec_eval", folder, file);
}
