using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace RagGate.Evaluation.Cost;

/// <summary>Reads a parsed <c>prices.yaml</c> strictly, naming the line of anything unexpected.</summary>
internal static class PriceTableReader
{
    private const string InputField = "input_per_million";
    private const string OutputField = "output_per_million";

    public static PriceTable Read(YamlMappingNode root, string source)
    {
        string? version = null;
        string? currency = null;
        Dictionary<string, ModelPrice>? models = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(keyNode, source);
            switch (key)
            {
                case "version": version = Text(value, source, key); break;
                case "currency": currency = Text(value, source, key); break;
                case "models": models = ReadModels(value, source); break;
                default: throw Error(source, keyNode, $"unknown field '{key}'; expected version, currency or models");
            }
        }

        if (version is null || currency is null || models is null)
            throw Error(source, root, "missing field; expected version, currency and models");
        return new PriceTable(source, version, currency, models);
    }

    private static Dictionary<string, ModelPrice> ReadModels(YamlNode node, string source)
    {
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
            throw Error(source, node, "models: expected a mapping of model id to input_per_million and output_per_million");
        var models = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var model = Key(keyNode, source);
            if (!models.TryAdd(model, ReadPrice(model, value, source)))
                throw Error(source, keyNode, $"model '{model}' is priced twice; expected each model once");
        }

        return models;
    }

    private static ModelPrice ReadPrice(string model, YamlNode node, string source)
    {
        if (node is not YamlMappingNode mapping)
            throw Error(source, node, $"model '{model}': expected {InputField} and {OutputField}");
        decimal? input = null;
        decimal? output = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = Key(keyNode, source);
            switch (key)
            {
                case InputField: input = Price(value, source, model, key); break;
                case OutputField: output = Price(value, source, model, key); break;
                default: throw Error(source, keyNode, $"model '{model}': unknown field '{key}'; expected {InputField} or {OutputField}");
            }
        }

        if (input is null || output is null)
            throw Error(source, node, $"model '{model}': missing price; expected both {InputField} and {OutputField}");
        return new ModelPrice(model, input.Value, output.Value);
    }

    private static decimal Price(YamlNode node, string source, string model, string field)
    {
        var text = Text(node, source, field);
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var price))
            throw Error(source, node, $"model '{model}': {field} '{text}' is not a number; expected dollars per million tokens");
        if (price < 0)
            throw Error(source, node, $"model '{model}': {field} is {text}; expected a price of 0 or more");
        return price;
    }

    private static string Key(YamlNode node, string source) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(source, node, "expected a field name");

    private static string Text(YamlNode node, string source, string field) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(source, node, $"{field}: expected a value");

    private static InputException Error(string source, YamlNode node, string expected) =>
        InputException.At(source, node.Start.Line.ToString(CultureInfo.InvariantCulture), expected);
}
