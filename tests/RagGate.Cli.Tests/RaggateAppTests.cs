using System.Text;
using System.Text.RegularExpressions;

namespace RagGate.Cli.Tests;

/// <summary>
/// Every <c>raggate</c> command line the README and docs/ show in their shell blocks parses: the command exists
/// and takes those options and arguments. Only the command line is checked; what it does is the commands' tests'.
/// </summary>
public sealed partial class RaggateAppTests
{
    [GeneratedRegex(@"```(?:bash|sh|shell)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    public static TheoryData<string, string> DocumentedCommands()
    {
        var data = new TheoryData<string, string>();
        var files = new[] { RepoRoot.Combine("README.md") }.Concat(Directory.GetFiles(RepoRoot.Combine("docs"), "*.md").Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match block in ShellBlock().Matches(text))
            {
                var line = text[..block.Groups[1].Index].Count(c => c == '\n') + 1;
                foreach (var command in block.Groups[1].Value.Split('\n'))
                {
                    if (RaggateArguments(command) is not null)
                        data.Add($"{Path.GetRelativePath(RepoRoot.Path, file)}:{line}", command.Trim());
                    line++;
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedCommands))]
    public void Parse_CommandShownInTheDocs_HasNoErrors(string place, string command)
    {
        var parse = RaggateApp.CreateRoot().Parse(RaggateArguments(command)!);

        Assert.True(parse.Errors.Count == 0, $"{place}: {command}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void DocumentedCommands_ReadmeAndGettingStarted_AreFound()
    {
        var places = DocumentedCommands().Select(row => (string)row[0]).ToList();

        Assert.True(places.Count(p => p.StartsWith("README.md:", StringComparison.Ordinal)) >= 10, string.Join(", ", places));
        Assert.Contains(places, p => p.StartsWith(Path.Combine("docs", "getting-started.md") + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("raggate rollout status --spek rollout.yaml")]
    [InlineData("raggate evaluate --config raggate.yaml")]
    [InlineData("dotnet run --project src/RagGate.Cli -- eval --baseline")]
    public void Parse_MisspeltCommandLine_HasAnError(string command)
    {
        var parse = RaggateApp.CreateRoot().Parse(RaggateArguments(command)!);

        Assert.NotEmpty(parse.Errors);
    }

    /// <summary>
    /// The arguments of a shell line that runs raggate (<c>raggate ...</c>, or <c>dotnet run --project src/RagGate.Cli -- ...</c>),
    /// split as the shell does for plain words and quotes, without the trailing comment; null for any other line.
    /// </summary>
    private static string[]? RaggateArguments(string line)
    {
        var words = ShellWords(line.Trim());
        if (words.Count > 0 && words[0] == "raggate")
            return [.. words.Skip(1)];
        var dashes = words.IndexOf("--");
        if (words.Count > 3 && words[0] == "dotnet" && words[1] == "run" && words.Contains("src/RagGate.Cli") && dashes > 0)
            return [.. words.Skip(dashes + 1)];
        return null;
    }

    private static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var (quote, inWord) = ((char?)null, false);
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                (quote, inWord) = (c, true);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
