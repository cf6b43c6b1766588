using RagGate.Evaluation.Cost;

namespace RagGate.Evaluation.Tests.Cost;

public sealed class PriceTableTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("raggate-prices-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Default_BuiltIn_HasVersionCurrencyAndEveryModel()
    {
        var table = PriceTable.Default;

        Assert.Equal("2026-11-01", table.Version);
        Assert.Equal("USD", table.Currency);
        Assert.Equal(["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1", "gpt-3.5-turbo", "extractive"], table.Models);
        Assert.Equal(new ModelPrice("gpt-4o-mini", 0.15m, 0.60m), table.Get("gpt-4o-mini"));
        Assert.Equal(new ModelPrice("extractive", 0m, 0m), table.Get("extractive"));
    }

    [Fact]
    public void Load_NullPath_ReturnsDefault()
    {
        Assert.Same(PriceTable.Default, PriceTable.Load(null));
    }

    [Fact]
    public void Load_OverrideFile_UsesItsPrices()
    {
        var path = Write("""
            version: 2027-01-15
            currency: EUR
            models:
              gpt-4o-mini:
                input_per_million: 0.125
                output_per_million: 0.5
            """);

        var table = PriceTable.Load(path);

        Assert.Equal("2027-01-15", table.Version);
        Assert.Equal("EUR", table.Currency);
        Assert.Equal(path, table.Source);
        Assert.Equal(new ModelPrice("gpt-4o-mini", 0.125m, 0.5m), table.Get("gpt-4o-mini"));
        Assert.False(table.Contains("gpt-4o"));
    }

    [Fact]
    public void Load_BrokenYaml_NamesFileAndLine()
    {
        var path = Write("""
            version: 2027-01-15
            currency: USD
            models:
              gpt-4o-mini: { input_per_million: 0.15, output_per_million: 0.6
              gpt-4o:
                input_per_million: 2.5
            """);

        var error = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.Matches($@"^{Escape(path)}:[4-6]: invalid YAML", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_BadIndentation_NamesFileAndLine()
    {
        var path = Write("""
            version: 2027-01-15
            currency: USD
            models:
              gpt-4o:
                input_per_million: 2.5
               output_per_million: 10
            """);

        var error = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.Matches($@"^{Escape(path)}:6: invalid YAML", error.Message);
    }

    [Fact]
    public void Load_NegativePrice_NamesLineAndField()
    {
        var path = Write("""
            version: 2027-01-15
            currency: USD
            models:
              gpt-4o:
                input_per_million: 2.5
                output_per_million: -10
            """);

        var error = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.StartsWith($"{path}:6: model 'gpt-4o': output_per_million", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownField_NamesLineAndField()
    {
        var path = Write("""
            version: 2027-01-15
            currency: USD
            models:
              gpt-4o:
                input_per_million: 2.5
                output_per_million: 10
                cached_per_million: 1.25
            """);

        var error = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.StartsWith($"{path}:7: model 'gpt-4o': unknown field 'cached_per_million'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTopLevelField_NamesLine()
    {
        var path = Write("""
            version: 2027-01-15
            currencies: USD
            """);

        var error = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.StartsWith($"{path}:2: unknown field 'currencies'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PriceNotANumber_NamesLine()
    {
        var path = Write("""
            version: 2027-01-15
            currency: USD
            models:
              gpt-4o:
                input_per_million: cheap
                output_per_million: 10
            """);

        var error = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.StartsWith($"{path}:5: model 'gpt-4o': input_per_million 'cheap' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesFile()
    {
        var path = Path.Combine(_directory, "absent.yaml");

        var error = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.StartsWith($"{path}: file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownModel_NamesTableAndKnownModels()
    {
        var error = Assert.Throws<InputException>(() => PriceTable.Default.Get("claude-9"));

        Assert.StartsWith($"{PriceTable.BuiltInSource}:models: no price for generation model 'claude-9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("gpt-4o-mini", error.Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, $"prices-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
