// Builds the page into ../wwwroot (or --outdir DIR): index.html, app.js (src/app.ts bundled with uPlot, minified) and
// app.css (src/app.css with uPlot's stylesheet, minified). Prints the page weight (the three files' bytes).
import { build } from "esbuild";
import { copyFile, mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf("--outdir");
const outdir = resolve(at > 0 ? process.argv[at + 1] : join(here, "..", "wwwroot"));

await mkdir(outdir, { recursive: true });
const common = { bundle: true, minify: true, logLevel: "warning", legalComments: "none", absWorkingDir: here };
await build({ ...common, entryPoints: ["src/app.ts"], outfile: join(outdir, "app.js"), format: "iife", target: "es2020", platform: "browser" });
await build({ ...common, entryPoints: ["src/app.css"], outfile: join(outdir, "app.css") });
await copyFile(join(here, "index.html"), join(outdir, "index.html"));

let total = 0;
for (const file of ["index.html", "app.js", "app.css"]) total += (await stat(join(outdir, file))).size;
console.log(`dashboard page: ${outdir} (index.html + app.js + app.css = ${total} bytes, ${(total / 1024).toFixed(1)} KiB)`);
