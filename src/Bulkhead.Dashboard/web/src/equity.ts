// Equity curves: one uPlot chart per strategy (P&L on the left axis, the account's equity on the right), created once and
// fed new points in place by the live updates.

import uPlot from "uplot";
import { esc, items, partError, setHtml, signedUsd, usd } from "./format";
import type { EquityPoint, FleetDocument, StrategyEquity } from "./types";

interface Chart {
  box: HTMLElement;
  title: HTMLElement;
  plot: uPlot;
  signature: string;
}

const height = 170;
const charts = new Map<string, Chart>();
let observer: ResizeObserver | null = null;

function data(points: EquityPoint[]): uPlot.AlignedData {
  const xs: number[] = [];
  const pnl: (number | null)[] = [];
  const equity: (number | null)[] = [];
  for (const p of points) {
    const t = Date.parse(p.time);
    if (!Number.isFinite(t)) continue;
    xs.push(t / 1000);
    pnl.push(p.pnlUsd === null || p.pnlUsd === undefined ? null : Number(p.pnlUsd));
    equity.push(p.equityUsd === null || p.equityUsd === undefined ? null : Number(p.equityUsd));
  }
  return [xs, pnl, equity];
}

/**
 * Axis labels with as many decimals as the tick step needs to tell ticks apart: "98.45k" only when the ticks are at least
 * 1,000 apart, else the figure itself ("95011.5"), so a curve moving by cents on a large equity never repeats a label.
 */
const money = (_: uPlot, values: number[]) => {
  const step = values.length > 1 ? Math.abs((values[1] ?? 0) - (values[0] ?? 0)) : 1;
  const unit = step >= 1000 ? 1000 : 1;
  const decimals = Math.min(4, Math.max(0, Math.ceil(-Math.log10(step / unit || 1))));
  return values.map((v) => `${(v / unit).toFixed(decimals)}${unit === 1000 ? "k" : ""}`);
};

/** Whole seconds and minutes only (no sub-second ticks, whose labels would repeat as HH:MM:SS). */
const timeSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** Time axis labels in UTC: HH:MM, or HH:MM:SS when the ticks are less than a minute apart. */
const utcTimes = (_: uPlot, values: number[]) => {
  const step = values.length > 1 ? Math.abs((values[1] ?? 0) - (values[0] ?? 0)) : 60;
  return values.map((v) => new Date(v * 1000).toISOString().slice(11, step < 60 ? 19 : 16));
};

/** Room for a label of this many characters on a vertical axis (12 px font). */
const axisSize = (_: uPlot, values: string[] | null) =>
  Math.max(48, 20 + 8 * Math.max(0, ...(values ?? []).map((v) => v.length)));

function options(width: number): uPlot.Options {
  return {
    width,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: { x: { time: true }, pnl: {}, equity: {} },
    series: [
      { label: "UTC" },
      { label: "P&L $", scale: "pnl", stroke: "#1d5fbf", width: 2, fill: "rgba(29,95,191,0.08)", value: (_u, v) => (v === null ? "–" : v.toFixed(2)) },
      { label: "equity $", scale: "equity", stroke: "#8a8f98", width: 1, dash: [4, 3], value: (_u, v) => (v === null ? "–" : v.toFixed(2)) },
    ],
    axes: [
      { stroke: "#444", grid: { stroke: "#eceef1" }, ticks: { stroke: "#d5d8dd" }, values: utcTimes, incrs: timeSteps, space: 70 },
      { scale: "pnl", stroke: "#1d5fbf", grid: { stroke: "#eceef1" }, ticks: { stroke: "#d5d8dd" }, values: money, size: axisSize },
      { scale: "equity", side: 1, stroke: "#6b7079", grid: { show: false }, ticks: { stroke: "#d5d8dd" }, values: money, size: axisSize },
    ],
  };
}

function titleHtml(curve: StrategyEquity): string {
  const last = curve.points[curve.points.length - 1];
  return `<b>${esc(curve.strategy)}</b>${curve.account ? ` <span class="muted">on ${esc(curve.account)}</span>` : ""}`
    + (last ? ` <span class="chart-figures">P&amp;L ${signedUsd(last.pnlUsd)} · equity ${usd(last.equityUsd)}</span>` : "");
}

function widthOf(element: HTMLElement): number {
  return Math.max(240, Math.floor(element.clientWidth || 480));
}

/** Renders (first call) or updates the charts under `root` (the `[data-testid=equity-chart]` section's body). */
export function renderEquity(root: HTMLElement, doc: FleetDocument): void {
  const list = items<StrategyEquity>(doc.equity, "strategies");
  const error = partError(doc.equity);
  let note = root.querySelector<HTMLElement>(":scope > .note");
  if (!note) {
    note = document.createElement("div");
    note.className = "note";
    root.prepend(note);
  }
  setHtml(note, (error ? `<p class="part-error">Equity unavailable: ${esc(error)}</p>` : "")
    + (list.length === 0 && !error ? `<p class="empty">No equity point yet.</p>` : ""));

  const seen = new Set<string>();
  for (const curve of list) {
    seen.add(curve.strategy);
    const signature = `${curve.points.length}|${curve.points[0]?.time ?? ""}|${curve.points[curve.points.length - 1]?.time ?? ""}|${curve.points[curve.points.length - 1]?.pnlUsd ?? ""}`;
    let chart = charts.get(curve.strategy);
    if (!chart) {
      const box = document.createElement("div");
      box.className = "chart";
      box.dataset.strategy = curve.strategy;
      const title = document.createElement("div");
      title.className = "chart-title";
      const host = document.createElement("div");
      box.append(title, host);
      root.append(box);
      const plot = new uPlot(options(widthOf(root)), data(curve.points), host);
      chart = { box, title, plot, signature };
      charts.set(curve.strategy, chart);
    } else if (chart.signature !== signature) {
      chart.plot.setData(data(curve.points));
      chart.signature = signature;
    }
    setHtml(chart.title, titleHtml(curve));
  }
  for (const [strategy, chart] of charts) {
    if (!seen.has(strategy)) {
      chart.plot.destroy();
      chart.box.remove();
      charts.delete(strategy);
    }
  }

  if (!observer && typeof ResizeObserver !== "undefined") {
    let last = widthOf(root);
    observer = new ResizeObserver(() => {
      const width = widthOf(root);
      if (width === last) return;
      last = width;
      for (const chart of charts.values()) chart.plot.setSize({ width, height });
    });
    observer.observe(root);
  }
}
