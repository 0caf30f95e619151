// `npm start`: compile if TypeScript is installed (incremental, fast when nothing changed), then run.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { copyAssets } from "./copy-assets.mjs";

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc");
} catch {
  tsc = undefined;
}
if (tsc) {
  const began = Date.now();
  process.stdout.write("start: compiling TypeScript (incremental)…\n");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
  await copyAssets();
  process.stdout.write(`start: compiled in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
} else if (!existsSync("dist/main.js")) {
  process.stderr.write('dist/ is missing and TypeScript is not installed: run "npm install" first.\n');
  process.exit(1);
}
await import("../dist/main.js");
