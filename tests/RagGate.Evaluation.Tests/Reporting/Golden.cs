using System.Runtime.CompilerServices;

namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>
/// Golden-file comparison: the expected files live in <c>Reporting/Golden</c> and are copied to the output.
/// With <c>RAGGATE_UPDATE_GOLDEN=1</c> the source copies are rewritten instead, to be reviewed by eye.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string fileName, string actual, [CallerFilePath] string callerPath = "")
    {
        if (Environment.GetEnvironmentVariable("RAGGATE_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", fileName);
            File.WriteAllText(source, actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Reporting", "Golden", fileName);
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with RAGGATE_UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
