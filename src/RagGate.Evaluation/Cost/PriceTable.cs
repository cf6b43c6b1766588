using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RagGate.Evaluation.Cost;

/// <summary>
/// A versioned table of list prices per generation model (<c>prices.yaml</c>). The repository's
/// table is built in; a team may override it with its own file.
/// </summary>
public sealed class PriceTable
{
    /// <summary>The name under which the built-in table reports errors.</summary>
    public const string BuiltInSource = "prices.yaml (built in)";

    private const string ResourceName = "RagGate.Evaluation.Cost.prices.yaml";

    private static readonly Lazy<PriceTable> BuiltIn = new(LoadBuiltIn);

    private readonly Dictionary<string, ModelPrice> _models;

    internal PriceTable(string source, string version, string currency, Dictionary<string, ModelPrice> models)
    {
        Source = source;
        Version = version;
        Currency = currency;
        _models = models;
    }

    /// <summary>The built-in table (the repository's <c>prices.yaml</c>).</summary>
    public static PriceTable Default => BuiltIn.Value;

    /// <summary>Where the table came from: a file path or <see cref="BuiltInSource"/>.</summary>
    public string Source { get; }

    /// <summary>The table's version: the date its prices were taken.</summary>
    public string Version { get; }

    /// <summary>The currency of every price, for example <c>USD</c>.</summary>
    public string Currency { get; }

    /// <summary>The models priced, in file order.</summary>
    public IReadOnlyCollection<string> Models => _models.Keys;

    /// <summary>
    /// Loads an override table from <paramref name="path"/>, or returns <see cref="Default"/>
    /// when the path is null or empty. Bad content throws <see cref="InputException"/> with file and line.
    /// </summary>
    public static PriceTable Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return Default;
        if (!File.Exists(path))
            throw InputException.At(path, null, "file not found; expected a price table (version, currency, models)");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new InputException($"{path}: cannot be read ({e.Message}); expected a readable price table", e);
        }

        return Parse(text, path);
    }

    /// <summary>The price of <paramref name="model"/>; throws <see cref="InputException"/> when the table has none.</summary>
    public ModelPrice Get(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (_models.TryGetValue(model, out var price))
            return price;
        throw InputException.At(Source, "models",
            $"no price for generation model '{model}' (table version {Version}); expected one of: {string.Join(", ", _models.Keys)}");
    }

    /// <summary>True when the table prices <paramref name="model"/>.</summary>
    public bool Contains(string model) => _models.ContainsKey(model);

    internal static PriceTable Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw InvalidYaml(source, e.Start.Line, FirstLine(e.Message), e);
        }
        catch (InvalidOperationException e)
        {
            throw InvalidYaml(source, parser.LastLine, "the YAML parser stopped here", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw InputException.At(source, "1", "expected a mapping with version, currency and models");
        return PriceTableReader.Read(root, source);
    }

    private static InputException InvalidYaml(string source, long line, string reason, Exception inner) =>
        new($"{source}:{line.ToString(CultureInfo.InvariantCulture)}: invalid YAML ({reason}); expected a price table", inner);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        // YamlDotNet prefixes messages with their position, which the file:line already says.
        var close = line.IndexOf("): ", StringComparison.Ordinal);
        return line.StartsWith('(') && close > 0 ? line[(close + 3)..] : line;
    }

    private static PriceTable LoadBuiltIn()
    {
        using var resource = typeof(PriceTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The built-in price table {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(resource);
        return Parse(reader.ReadToEnd(), BuiltInSource);
    }
}
