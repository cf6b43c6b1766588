// Peer benchmark: @huggingface/transformers (feature-extraction pipeline on onnxruntime-node) over the
// same model.onnx and passages that RagGate embeds. Prepare the folder with the .NET runner:
//   dotnet run -c Release --project benchmarks/RagGate.Benchmarks -- embed-export --out /tmp/peer-minilm --docs 300
//   node embed.mjs /tmp/peer-minilm [--threads 2] [--batch 32]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';

const args = process.argv.slice(2);
const folder = path.resolve(args[0] ?? '');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const threads = option('--threads', 2);
const batch = option('--batch', 32);

// Offline: the model comes from the exported folder only, never from a hub.
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = path.dirname(folder) + path.sep;

const config = JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8'));
const pooling = config.raggate_pooling;
const texts = readFileSync(path.join(folder, 'passages.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const extractor = await pipeline('feature-extraction', path.basename(folder), {
  dtype: 'fp32',
  local_files_only: true,
  session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
});

const cosine = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);
const check = await extractor(['The weather is lovely today.', "It's so sunny outside!", 'He drove to the stadium.'], { pooling, normalize: true });
const v = check.tolist();
console.log(`check\tcosine weather/sunny ${cosine(v[0], v[1]).toFixed(4)}, weather/stadium ${cosine(v[0], v[2]).toFixed(4)} (published MiniLM: 0.6660, 0.1046)`);

await extractor(texts.slice(0, 8), { pooling, normalize: true }); // warm-up
const start = process.hrtime.bigint();
let dims = 0;
for (let i = 0; i < texts.length; i += batch) {
  const out = await extractor(texts.slice(i, i + batch), { pooling, normalize: true });
  dims = out.dims[1];
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`model\t${path.join(folder, 'onnx', 'model.onnx')} (${pooling} pooling, ${dims}-d)`);
console.log(`docs\t${texts.length}\nthreads\t${threads}\nbatch\t${batch} (input order, padded to the longest)`);
console.log(`peer: @huggingface/transformers + onnxruntime-node\t${(texts.length / seconds).toFixed(1)} passages/s\t${seconds.toFixed(2)} s`);
