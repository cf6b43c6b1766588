namespace RagGate.Evaluation.Tests.Fixtures;

/// <summary>Paths of the fixtures copied next to the test assembly.</summary>
internal static class FixturePath
{
    public static string TrecEval(string folder, string file) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "trec_eval", folder, file);

    /// <summary>A file as an earlier RagGate wrote it (<c>Fixtures/v1</c>: the support-kb sample, trimmed to three queries).</summary>
    public static string Version1(string file) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "v1", file);
}
