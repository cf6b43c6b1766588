using RagGate.Evaluation.Config;
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
        var text = InputFile.ReadText(path, "a price table (version, currency, models)");
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
        if (YamlText.Parse(source, yaml, "a price table") is not YamlMappingNode root)
            throw InputException.At(source, "1", "expected a mapping with version, currency and models");
        return PriceTableReader.Read(root, source);
    }

    private static PriceTable LoadBuiltIn()
    {
        using var resource = typeof(PriceTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The built-in price table {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(resource);
        return Parse(reader.ReadToEnd(), BuiltInSource);
    }
}
