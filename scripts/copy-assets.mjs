// Part of the build: every file under src/ that is not TypeScript (the consoles' and the web chat's
// public/ folders, and any folder added later) is copied to the same place under dist/, so dist/ alone
// holds everything the app serves and the image needs no COPY line per folder.
import { cp, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Copies the non-TypeScript files of `srcDir` into `outDir` at the same relative paths; returns them. */
export async function copyAssets(srcDir = "src", outDir = "dist") {
  const entries = await readdir(srcDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.endsWith(".ts"))
    .map((e) => path.relative(srcDir, path.join(e.parentPath, e.name)))
    .sort();
  for (const file of files) await cp(path.join(srcDir, file), path.join(outDir, file));
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  await copyAssets(path.join(root, "src"), path.join(root, "dist"));
}
