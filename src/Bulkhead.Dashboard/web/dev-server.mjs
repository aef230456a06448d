// For working on the page without a fleet: serves ../wwwroot and Contract D from the fixture
// (tests/Bulkhead.Dashboard.Tests/fixtures/fleet.json), with a `fleet` event every second that moves the clock, a
// heartbeat and the equity curves, and flips momo-trader between backoff and running every 5 s.
// Usage: npm run build && npm run serve [-- --port 5099] [--exchange-down]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "wwwroot");
const fixture = join(here, "..", "..", "..", "tests", "Bulkhead.Dashboard.Tests", "fixtures", "fleet.json");
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const port = Number(arg("--port") ?? 5099);
const doc = JSON.parse(await readFile(fixture, "utf8"));
if (process.argv.includes("--exchange-down")) doc.exchange = { reachable: false, error: "connection refused (127.0.0.1:8787)" };

let tick = 0;
const find = (node, id) => node.id === id ? node : (node.children ?? []).map((c) => find(c, id)).find(Boolean);
function advance() {
  tick++;
  const now = new Date(Date.parse(doc.time) + 1000).toISOString().replace(".000Z", "Z");
  doc.time = now;
  const momo = find(doc.tree.master, "process:momo-trader");
  const up = Math.floor(tick / 5) % 2 === 1;
  Object.assign(momo, up
    ? { health: "ok", state: "running", pid: 4200 + tick, heartbeatAgeSeconds: 0.5, guard: "ok", haltReason: null, lastNonceAt: now, detail: "trader, running" }
    : { health: "warn", state: "backoff", pid: null, heartbeatAgeSeconds: null, haltReason: "exited 137 (killed by signal 9); restarting in 2 s", detail: "trader, backoff" });
  for (const id of ["strategy:momo", "subaccount:momo", "master:desk"]) find(doc.tree.master, id).health = up ? "ok" : "warn";
  for (const s of doc.equity.strategies) {
    const last = s.points[s.points.length - 1];
    const pnl = (Number(last.pnlUsd) + (Math.random() - 0.5) * 6).toFixed(2);
    s.points.push({ time: now, pnlUsd: pnl, equityUsd: (Number(last.equityUsd) + Number(pnl) - Number(last.pnlUsd)).toFixed(2) });
    if (s.points.length > 240) s.points.shift();
  }
}

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path === "/api/fleet") return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(doc));
  if (path === "/api/events") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
    const send = () => res.write(`event: fleet\ndata: ${JSON.stringify(doc)}\n\n`);
    send();
    const timer = setInterval(() => { advance(); send(); }, 1000);
    return req.on("close", () => clearInterval(timer));
  }
  const file = normalize(join(root, path === "/" ? "index.html" : path));
  if (!file.startsWith(root)) return res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(port, "127.0.0.1", () => console.log(`dashboard dev server: http://127.0.0.1:${port}/`));
