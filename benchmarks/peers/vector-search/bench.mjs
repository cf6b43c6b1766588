// Peer for RagGate's retrieval benchmark: exact (flat) inner-product top-k with usearch's
// exactSearch (fp32, and i8 on the same vectors scaled to [-127, 127]), and faiss-node's IndexFlatIP when it installs, over the vectors that
// `dotnet run -c Release --project benchmarks/RagGate.Benchmarks -- retrieval --export <dir>` wrote.
// Usage: node bench.mjs <dir> [rows=100000,1000000] [threads=1,<cores>]
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const [dir = "out/retrieval", rowsArg = "100000,1000000", threadsArg = `1,${cpus().length}`] = process.argv.slice(2);
const k = 10;

function readMatrix(file) {
  const bytes = readFileSync(file);
  const rows = bytes.readInt32LE(0);
  const dims = bytes.readInt32LE(4);
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset + 8, bytes.byteOffset + 8 + rows * dims * 4));
  return { rows, dims, data };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

// usearch's i8: one global scale so the largest |component| of vectors and queries maps to 127 (inner-product
// order survives a common scale; the rounding is what costs recall, measured as agreement with our fp32 top k).
function toInt8(data, scale) {
  const out = new Int8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Math.max(-127, Math.min(127, Math.round(data[i] * scale)));
  return out;
}

function maxAbs(data) {
  let max = 0;
  for (let i = 0; i < data.length; i++) max = Math.max(max, Math.abs(data[i]));
  return max;
}

// Share of our exact top-k rows that the peer also returns (1.0 when both are exact, up to float ties).
function agreement(ours, theirs) {
  let hit = 0, total = 0;
  ours.forEach((row, q) => { const set = new Set(theirs[q]); row.forEach(r => { total++; if (set.has(r)) hit++; }); });
  return hit / total;
}

function time(label, rows, threads, queries, search) {
  const times = [], results = [];
  for (let w = 0; w < Math.min(5, queries.rows); w++) search(queries.data.subarray(w * queries.dims, (w + 1) * queries.dims));
  for (let q = 0; q < queries.rows; q++) {
    const query = queries.data.subarray(q * queries.dims, (q + 1) * queries.dims);
    const start = process.hrtime.bigint();
    results.push(search(query));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { label, rows, threads, p50: percentile(times, 0.5), p95: percentile(times, 0.95), results };
}

let usearch = null, faiss = null;
try { usearch = require("usearch"); } catch (e) { console.log(`# usearch: not available (${e.message.split("\n")[0]})`); }
try { faiss = require("faiss-node"); } catch (e) { console.log(`# faiss-node: not available (${e.message.split("\n")[0]})`); }

console.log(`# node ${process.version}, ${cpus().length} cores, usearch ${usearch ? JSON.parse(readFileSync(new URL("./node_modules/usearch/package.json", import.meta.url), "utf8")).version : "-"}`);
console.log("peer\trows\tthreads\tp50_ms\tp95_ms\tagreement_with_ours");
for (const rows of rowsArg.split(",").map(Number)) {
  const prefix = path.join(dir, `${rows}`);
  if (!existsSync(`${prefix}.vectors.f32`)) { console.log(`# ${prefix}.vectors.f32 missing: run the C# benchmark with --export ${dir}`); continue; }
  const vectors = readMatrix(`${prefix}.vectors.f32`);
  const queries = readMatrix(`${prefix}.queries.f32`);
  const ours = readFileSync(`${prefix}.top${k}.txt`, "utf8").trim().split("\n").map(l => l.split(" ").map(Number));
  const measured = [];
  if (usearch) {
    for (const threads of threadsArg.split(",").map(Number)) {
      // exactSearch reads a subarray from its buffer's start, so each query is copied into its own buffer.
      measured.push(time("usearch.exactSearch(ip)", rows, threads, queries, q =>
        Array.from(usearch.exactSearch(vectors.data, q.slice(), vectors.dims, k, usearch.MetricKind.IP, threads).keys, Number)));
    }
    const scale = 127 / Math.max(maxAbs(vectors.data), maxAbs(queries.data));
    const vectorsI8 = toInt8(vectors.data, scale);
    for (const threads of threadsArg.split(",").map(Number)) {
      measured.push(time("usearch.exactSearch(ip, i8)", rows, threads, queries, q =>
        Array.from(usearch.exactSearch(vectorsI8, toInt8(q, scale), vectors.dims, k, usearch.MetricKind.IP, threads).keys, Number)));
    }
  }
  if (faiss) {
    const index = new faiss.IndexFlatIP(vectors.dims);
    index.add(Array.from(vectors.data));
    measured.push(time("faiss-node IndexFlatIP", rows, 0, queries, q => index.search(Array.from(q), k).labels));
  }
  for (const m of measured) {
    console.log(`${m.label}\t${m.rows}\t${m.threads}\t${m.p50.toFixed(3)}\t${m.p95.toFixed(3)}\t${agreement(ours, m.results).toFixed(4)}`);
  }
}
