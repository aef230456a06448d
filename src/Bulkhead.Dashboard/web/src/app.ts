// The operator dashboard's page: follows the `fleet` events of api/events (SSE) and updates every view in place. The
// first render comes from whichever answers first, the stream or one read of api/fleet made at the same time (the
// server composes one document for both). It never reloads; when the stream drops it says so and reconnects.

import { actionsHtml, loadSession, renderKillSwitch, wireActions } from "./actions";
import { clock, esc, partError, setHtml } from "./format";
import { renderEquity } from "./equity";
import { alertsHtml, auditHtml, balancesHtml, feesHtml, marginHtml, pnlHtml, treasuryHtml } from "./panels";
import { renderTree } from "./tree";
import type { FleetDocument } from "./types";

/** No event for this long while "live" means the stream is stuck (the server sends one every second). */
const stallMs = 8000;
const retryMs = [1000, 2000, 4000, 8000];

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`the page lacks ${selector}`);
  return element;
};

const treeIndex = new Map<string, HTMLLIElement>();
let latest: FleetDocument | null = null;
let source: EventSource | null = null;
let stallTimer = 0;
let retryTimer = 0;
let failures = 0;

const panels: [string, (doc: FleetDocument) => string][] = [
  ["alerts", alertsHtml],
  ["actions", actionsHtml],
  ["balances", balancesHtml],
  ["pnl", pnlHtml],
  ["fee-panel", feesHtml],
  ["margin", marginHtml],
  ["audit", auditHtml],
  ["treasury", treasuryHtml],
];

function render(doc: FleetDocument): void {
  // For the browser tests' timing: when the first document arrived (the render that follows is the page's own work).
  if (!latest) performance.mark("bulkhead:first-document");
  latest = doc;
  document.title = `${doc.fleet} · Bulkhead`;
  $("#fleet-name").textContent = doc.fleet;
  $("#environment").textContent = doc.environment;
  $("#doc-time").textContent = `${clock(doc.time)} UTC`;

  const reachable = doc.exchange?.reachable !== false;
  const exchange = $("[data-testid=exchange]");
  exchange.dataset.state = reachable ? "up" : "down";
  exchange.textContent = reachable ? "exchange up" : "exchange down";
  const exchangeBanner = $("#exchange-banner");
  exchangeBanner.hidden = reachable;
  setHtml(exchangeBanner, reachable ? "" : `<b>The exchange (${esc(doc.environment)}) cannot be reached</b>${doc.exchange?.error ? `: ${esc(doc.exchange.error)}` : ""}. The figures below are the last known; the tree is live.`);

  renderKillSwitch(doc);
  const treeError = partError(doc.tree);
  setHtml($("#tree-error"), treeError ? `<p class="part-error">Tree incomplete: ${esc(treeError)}</p>` : "");
  renderTree($<HTMLUListElement>("#tree-root"), doc.tree?.master, doc.time, treeIndex);
  for (const [id, html] of panels) {
    const body = $(`[data-testid=${id}] > .body`);
    try {
      setHtml(body, html(doc));
    } catch (error) {
      setHtml(body, `<p class="part-error">This view could not be drawn: ${esc(String(error))}</p>`);
    }
  }
  try {
    renderEquity($("[data-testid=equity-chart] > .body"), doc);
  } catch (error) {
    setHtml($("[data-testid=equity-chart] > .body"), `<p class="part-error">The charts could not be drawn: ${esc(String(error))}</p>`);
  }
  document.body.dataset.rendered = "1";
}

function setConnection(live: boolean, why?: string): void {
  const connection = $("[data-testid=connection]");
  connection.dataset.state = live ? "live" : "disconnected";
  connection.textContent = live ? "live" : "disconnected — retrying";
  const banner = $("#connection-banner");
  banner.hidden = live;
  setHtml(banner, live ? "" : `<b>Disconnected from the dashboard server — retrying.</b> ${why ? esc(why) + ". " : ""}${latest ? `Showing the figures of ${esc(clock(latest.time))} UTC.` : "Nothing received yet."}`);
  $("#main").classList.toggle("stale", !live);
}

function onDocument(text: string): void {
  let doc: FleetDocument;
  try {
    doc = JSON.parse(text) as FleetDocument;
  } catch {
    return;
  }
  failures = 0;
  setConnection(true);
  armStall();
  render(doc);
}

function armStall(): void {
  window.clearTimeout(stallTimer);
  stallTimer = window.setTimeout(() => reconnect("no update for a while"), stallMs);
}

function reconnect(why: string): void {
  source?.close();
  source = null;
  window.clearTimeout(stallTimer);
  setConnection(false, why);
  window.clearTimeout(retryTimer);
  retryTimer = window.setTimeout(connect, retryMs[Math.min(failures++, retryMs.length - 1)]);
}

function connect(): void {
  const events = new EventSource("api/events");
  source = events;
  armStall();
  const handler = (event: MessageEvent<string>) => {
    if (source === events) onDocument(event.data);
  };
  events.addEventListener("fleet", handler);
  events.onmessage = handler;
  events.onerror = () => {
    if (source !== events) return;
    // The browser retries a dropped stream by itself (CONNECTING); a refused one (CLOSED) we retry ourselves.
    if (events.readyState === EventSource.CLOSED) reconnect("the event stream was refused");
    else setConnection(false, "the event stream dropped");
  };
}

/** The first document from api/fleet, unless the stream has given one already. */
async function first(): Promise<void> {
  if (latest) return;
  try {
    const response = await fetch("api/fleet", { headers: { Accept: "application/json" }, cache: "no-store" });
    if (!latest && response.ok) render((await response.json()) as FleetDocument);
    else if (!response.ok) setConnection(false, `api/fleet answered ${response.status}`);
  } catch (error) {
    setConnection(false, String(error));
  }
}

// No `?token=` handling here: the server answers a page request carrying one with its cookie and a redirect to the
// same address without it (Api/TokenGate.cs), so the page never sees the token.
function start(): void {
  wireActions();
  connect();
  void first();
  // What this token may do: the buttons appear (redrawn at once) when it may act.
  void loadSession().then(() => {
    if (latest) render(latest);
  });
}

start();
