// Formatting and small DOM helpers. The page computes nothing: it only formats what the server sent.

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML (element content and quoted attributes). */
export function esc(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/** A decimal string with thousands separators, its digits kept as sent (no float rounding). */
export function group(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole = "", fraction = ""] = match;
  return `${sign ? "−" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction}`;
}

const usdFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A USD figure, 2 decimals: "$1,234.50", "−$12.00". */
export function usd(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const n = Number(value);
  if (!Number.isFinite(n)) return esc(value);
  return `${n < 0 ? "−" : ""}$${usdFormat.format(Math.abs(n))}`;
}

/** A signed USD figure coloured by sign (HTML). */
export function signedUsd(value: string | null | undefined): string {
  const n = Number(value);
  const cls = !value || !Number.isFinite(n) || n === 0 ? "zero" : n > 0 ? "pos" : "neg";
  return `<span class="${cls}">${n > 0 ? "+" : ""}${usd(value)}</span>`;
}

/** A percentage as sent ("0.24" → "0.24 %"). */
export function pct(value: string | null | undefined): string {
  return value === null || value === undefined || value === "" ? "–" : `${esc(value)} %`;
}

/** Seconds as a short age: "0.8 s", "42 s", "3 min", "2 h". */
export function age(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "–";
  if (seconds < 10) return `${Math.max(0, seconds).toFixed(1)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** The age of an instant relative to the document's own time (the server's clock, not the browser's). */
export function ageOf(instant: string | null | undefined, now: string): string {
  if (!instant) return "–";
  const seconds = (Date.parse(now) - Date.parse(instant)) / 1000;
  return Number.isFinite(seconds) ? `${age(seconds)} ago` : "–";
}

/** An instant as UTC "HH:MM:SS" (with the date when it is not the document's day). */
export function clock(instant: string | null | undefined, now?: string): string {
  if (!instant) return "–";
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return esc(instant);
  const iso = d.toISOString();
  const sameDay = now !== undefined && iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return `${sameDay ? "" : `${iso.slice(0, 10)} `}${iso.slice(11, 19)}`;
}

/** A part's list ({ key: [...] }), empty when the part or its list is missing. */
export function items<T>(part: unknown, key: string): T[] {
  if (part && typeof part === "object") {
    const value = (part as Record<string, unknown>)[key];
    if (Array.isArray(value)) return value as T[];
  }
  return [];
}

/** A part's error text, if any. */
export function partError(part: unknown): string | null {
  if (part && typeof part === "object" && !Array.isArray(part)) {
    const error = (part as { error?: unknown }).error;
    if (typeof error === "string" && error !== "") return error;
  }
  return null;
}

/** A state badge (HTML): the state's name with its colour class. */
export function badge(text: string | null | undefined, tone: string): string {
  return text ? `<span class="badge ${tone}">${esc(text)}</span>` : "";
}

/** A horizontal gauge 0..1 (HTML), coloured by how much is left. */
export function gauge(label: string, value: string | number | null | undefined): string {
  const fraction = value === null || value === undefined || value === "" ? NaN : Number(value);
  if (!Number.isFinite(fraction)) {
    return `<span class="gauge" title="${esc(label)}: unknown"><span class="gauge-label">${esc(label)}</span><span class="gauge-bar"></span><span class="gauge-value">–</span></span>`;
  }
  const f = Math.min(1, Math.max(0, fraction));
  const tone = f < 0.2 ? "bad" : f < 0.5 ? "warn" : "good";
  const percent = Math.round(f * 100);
  return `<span class="gauge" title="${esc(label)}: ${percent} % of the budget left"><span class="gauge-label">${esc(label)}</span><span class="gauge-bar"><span class="gauge-fill ${tone}" style="width:${percent}%"></span></span><span class="gauge-value">${percent} %</span></span>`;
}

/** Sets an element's HTML only when it changed (so nothing flickers and selections survive the live updates). */
export function setHtml(element: Element, html: string): void {
  if (rendered.get(element) !== html) {
    element.innerHTML = html;
    rendered.set(element, html);
  }
}

const rendered = new WeakMap<Element, string>();
