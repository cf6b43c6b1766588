using System.Text.Json;
using RagGate.Engine.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Benchmarks;

/// <summary>
/// Writes what the npm peer (benchmarks/peers/transformers-js) needs to embed the same passages with
/// the same model file: the model.onnx of our catalog entry, a tokenizer.json built from its
/// vocab.txt, a config.json, and the passages as JSON lines.
/// Usage: <c>embed-export --out &lt;dir&gt; [--model] [--docs] [--corpus]</c>.
/// </summary>
internal static class EmbedExportBenchmark
{
    public const string Name = "embed-export";

    public static async Task<int> RunAsync(string[] args)
    {
        var outIndex = Array.IndexOf(args, "--out");
        if (outIndex < 0 || outIndex + 1 >= args.Length)
        {
            Console.Error.WriteLine("--out: expected a folder to write the model, tokenizer and passages to");
            return 2;
        }

        try
        {
            var options = EmbedBenchmarkOptions.Parse([.. args[..outIndex], .. args[(outIndex + 2)..]], defaultDocs: 300);
            var folder = args[outIndex + 1];
            var model = EmbeddingModelCatalog.Get(options.Model);
            Directory.CreateDirectory(Path.Combine(folder, "onnx"));
            await File.WriteAllBytesAsync(Path.Combine(folder, "onnx", "model.onnx"), EmbeddingModelResources.LoadModel(model));
            await File.WriteAllTextAsync(Path.Combine(folder, "tokenizer.json"), TokenizerJson(model));
            await File.WriteAllTextAsync(Path.Combine(folder, "tokenizer_config.json"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["tokenizer_class"] = "BertTokenizer",
                ["do_lower_case"] = model.LowercaseInput,
                ["model_max_length"] = model.MaxTokens,
                ["cls_token"] = "[CLS]",
                ["sep_token"] = "[SEP]",
                ["pad_token"] = "[PAD]",
                ["unk_token"] = "[UNK]",
                ["mask_token"] = "[MASK]",
            }));
            await File.WriteAllTextAsync(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["model_type"] = "bert",
                ["hidden_size"] = model.Dimensions,
                ["max_position_embeddings"] = 512,
                ["raggate_pooling"] = model.Pooling.ToString().ToUpperInvariant() == "CLS" ? "cls" : "mean",
                ["raggate_max_tokens"] = model.MaxTokens,
            }));
            var texts = EmbedBenchmarkCorpus.Load(options.Corpus, options.Docs);
            await File.WriteAllLinesAsync(Path.Combine(folder, "passages.jsonl"), texts.Select(t => JsonSerializer.Serialize(t)));
            Console.WriteLine($"wrote {model.Id} model, tokenizer and {texts.Count} passages to {folder}");
            return 0;
        }
        catch (InputException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    // The Hugging Face tokenizer.json of an uncased BERT word-piece vocabulary.
    private static string TokenizerJson(EmbeddingModelInfo model)
    {
        var vocab = EmbeddingModelResources.LoadVocabulary(model).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)
            .Select((token, id) => (token, id)).ToDictionary(p => p.token, p => p.id);
        object Special(string token) => new { id = vocab[token], content = token, single_word = false, lstrip = false, rstrip = false, normalized = false, special = true };
        object Piece(string token) => new Dictionary<string, object> { ["SpecialToken"] = new { id = token, type_id = 0 } };
        var document = new Dictionary<string, object?>
        {
            ["version"] = "1.0",
            ["truncation"] = new { direction = "Right", max_length = model.MaxTokens, strategy = "LongestFirst", stride = 0 },
            ["padding"] = null,
            ["added_tokens"] = new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" }.Select(Special).ToArray(),
            ["normalizer"] = new { type = "BertNormalizer", clean_text = true, handle_chinese_chars = true, strip_accents = (bool?)null, lowercase = model.LowercaseInput },
            ["pre_tokenizer"] = new { type = "BertPreTokenizer" },
            ["post_processor"] = new
            {
                type = "TemplateProcessing",
                single = new[] { Piece("[CLS]"), new Dictionary<string, object> { ["Sequence"] = new { id = "A", type_id = 0 } }, Piece("[SEP]") },
                pair = new[] { Piece("[CLS]"), new Dictionary<string, object> { ["Sequence"] = new { id = "A", type_id = 0 } }, Piece("[SEP]"), new Dictionary<string, object> { ["Sequence"] = new { id = "B", type_id = 1 } }, Piece("[SEP]") },
                special_tokens = new Dictionary<string, object>
                {
                    ["[CLS]"] = new { id = "[CLS]", ids = new[] { vocab["[CLS]"] }, tokens = new[] { "[CLS]" } },
                    ["[SEP]"] = new { id = "[SEP]", ids = new[] { vocab["[SEP]"] }, tokens = new[] { "[SEP]" } },
                },
            },
            ["decoder"] = new { type = "WordPiece", prefix = "##", cleanup = true },
            ["model"] = new { type = "WordPiece", unk_token = "[UNK]", continuing_subword_prefix = "##", max_input_chars_per_word = 100, vocab },
        };
        return JsonSerializer.Serialize(document);
    }
}
