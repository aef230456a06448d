// The panels beside the tree: each one a function from its part of the document to HTML. They only format.

import { badge, clock, esc, group, items, partError, pct, signedUsd, usd } from "./format";
import type {
  AccountBalance, AlertItem, Finding, FleetDocument, MarginAccount, Pnl, StrategyPnl, TreasuryOperation,
} from "./types";

function errorLine(part: unknown, what: string): string {
  const error = partError(part);
  return error ? `<p class="part-error" role="status">${esc(what)} unavailable: ${esc(error)}</p>` : "";
}

function empty(text: string): string {
  return `<p class="empty">${esc(text)}</p>`;
}

function assets(lines: AccountBalance["assets"]): string {
  return (lines ?? [])
    .map((a) => `<span class="asset"><b>${group(a.amount)}</b> ${esc(a.asset)}${a.usd && a.asset !== "ZUSD" && a.asset !== "USD" ? ` <span class="muted">≈ ${usd(a.usd)}</span>` : ""}</span>`)
    .join("");
}

export function balancesHtml(doc: FleetDocument): string {
  const part = doc.balances;
  const accounts = items<AccountBalance>(part, "accounts");
  const consolidated = Array.isArray(part) ? null : part?.consolidated;
  if (accounts.length === 0) return errorLine(part, "Balances") + empty("No balances yet.");
  const rows = accounts.map((a) =>
    `<tr data-account="${esc(a.account)}"><th scope="row">${esc(a.account)}</th><td class="num">${usd(a.equityUsd)}</td><td>${assets(a.assets)}${a.error ? `<div class="part-error">${esc(a.error)}</div>` : ""}</td><td class="muted">${clock(a.time, doc.time)}</td></tr>`);
  const total = consolidated
    ? `<tfoot><tr><th scope="row">consolidated</th><td class="num">${usd(consolidated.equityUsd)}</td><td>${assets(consolidated.assets)}</td><td></td></tr></tfoot>`
    : "";
  return errorLine(part, "Balances")
    + `<table><thead><tr><th>account</th><th class="num">equity</th><th>assets</th><th>as of (UTC)</th></tr></thead><tbody>${rows.join("")}</tbody>${total}</table>`;
}

export function pnlHtml(doc: FleetDocument): string {
  const part = doc.pnl;
  const strategies = items<StrategyPnl>(part, "strategies");
  const consolidated = Array.isArray(part) ? null : (part as Pnl | null | undefined)?.consolidated;
  if (strategies.length === 0) return errorLine(part, "P&L") + empty("No P&L yet: no fill journaled.");
  const row = (name: string, account: string, p: StrategyPnl | NonNullable<Pnl["consolidated"]>, tag: string) =>
    `<tr${tag}><th scope="row">${esc(name)}</th><td>${esc(account)}</td><td class="num">${signedUsd(p.realisedUsd)}</td><td class="num">${signedUsd(p.unrealisedUsd)}</td><td class="num">${usd(p.feesUsd)}</td><td class="num strong">${signedUsd(p.pnlUsd)}</td></tr>`;
  return errorLine(part, "P&L")
    + `<table><thead><tr><th>strategy</th><th>account</th><th class="num">realised</th><th class="num">unrealised</th><th class="num">fees</th><th class="num">P&amp;L</th></tr></thead>`
    + `<tbody>${strategies.map((s) => row(s.strategy, s.account ?? "", s, ` data-strategy="${esc(s.strategy)}"`)).join("")}</tbody>`
    + (consolidated ? `<tfoot>${row("consolidated", "", consolidated, "")}</tfoot>` : "")
    + `</table>`;
}

export function feesHtml(doc: FleetDocument): string {
  const fees = doc.fees;
  if (!fees || (!fees.volume30dUsd && !fees.ladder?.length)) return errorLine(fees, "Fees") + empty("No 30-day volume yet.");
  const current = fees.tier?.minVolumeUsd;
  const next = fees.nextTier;
  const volume = Number(fees.volume30dUsd ?? "0");
  const from = Number(current ?? "0");
  const to = next ? Number(next.minVolumeUsd) : NaN;
  const progress = next && to > from ? Math.min(100, Math.max(0, ((volume - from) / (to - from)) * 100)) : 100;
  const ladder = (fees.ladder ?? []).map((t) => {
    const isCurrent = t.minVolumeUsd === current;
    const isNext = next !== null && next !== undefined && t.minVolumeUsd === next.minVolumeUsd;
    return `<tr class="${isCurrent ? "current" : isNext ? "next" : ""}"${isCurrent ? ' aria-current="true"' : ""}><td class="num">≥ ${usd(t.minVolumeUsd).replace(".00", "")}</td><td class="num">${pct(t.makerPct)}</td><td class="num">${pct(t.takerPct)}</td><td>${isCurrent ? "current tier" : isNext ? "next tier" : ""}</td></tr>`;
  });
  return errorLine(fees, "Fees")
    + `<div class="headline"><span class="label">consolidated 30-day volume</span>`
    + `<span class="big" data-testid="consolidated-volume" data-value="${esc(fees.volume30dUsd ?? "")}">${usd(fees.volume30dUsd)}</span>`
    + `<span class="muted">master + subaccounts${fees.time ? `, as of ${clock(fees.time, doc.time)} UTC` : ""}</span></div>`
    + `<div class="tier-line">`
    + (fees.tier ? `current tier: maker ${pct(fees.tier.makerPct)}, taker ${pct(fees.tier.takerPct)}` : "")
    + (next
      ? ` · <b>${usd(fees.volumeToNextTierUsd)}</b> more to the next tier (maker ${pct(next.makerPct)}, taker ${pct(next.takerPct)})`
      : " · top tier reached")
    + `</div><div class="progress" title="${Math.round(progress)} % of the way to the next tier"><span style="width:${progress.toFixed(1)}%"></span></div>`
    + `<table class="ladder"><thead><tr><th class="num">30-day volume</th><th class="num">maker</th><th class="num">taker</th><th></th></tr></thead><tbody>${ladder.join("")}</tbody></table>`;
}

function levelTone(level: number): string {
  return !Number.isFinite(level) ? "idle" : level < 1.5 ? "bad" : level < 3 ? "warn" : "good";
}

export function marginHtml(doc: FleetDocument): string {
  const part = doc.margin;
  const accounts = items<MarginAccount>(part, "accounts");
  if (accounts.length === 0) return errorLine(part, "Margin") + empty("No futures subaccount.");
  const cards = accounts.map((a) => {
    // No level (null) when no maintenance margin is in use: nothing can be liquidated, so it is neutral, not red.
    const level = a.marginLevel === null || a.marginLevel === undefined || a.marginLevel === "" ? Number.NaN : Number(a.marginLevel);
    const positions = (a.positions ?? []).map((p) => {
      const distance = Number(p.distancePct);
      const tone = !Number.isFinite(distance) ? "idle" : distance < 10 ? "bad" : distance < 25 ? "warn" : "good";
      return `<tr><th scope="row">${esc(p.symbol)}</th><td class="num">${group(p.size)}</td><td class="num">${group(p.entryPrice)}</td><td class="num">${group(p.markPrice)}</td><td class="num">${group(p.liquidationPrice)}</td>`
        + `<td class="num"><span class="distance"><span class="gauge-bar"><span class="gauge-fill ${tone}" style="width:${Number.isFinite(distance) ? Math.min(100, Math.max(0, distance)) : 0}%"></span></span> ${p.distancePct ? `${esc(p.distancePct)} %` : "–"}</span></td></tr>`;
    });
    return `<div class="margin-account" data-account="${esc(a.account)}">`
      + `<div class="headline"><span class="label">${esc(a.account)} — margin level</span><span class="big ${levelTone(level)}-text" data-testid="margin-level">${Number.isFinite(level) ? esc(a.marginLevel) : "–"}</span>`
      + (Number.isFinite(level) ? "" : `<span class="muted">no margin in use: nothing to liquidate</span>`)
      + `<span class="muted">equity ${usd(a.equityUsd)} ÷ maintenance margin ${usd(a.maintenanceMarginUsd)}; liquidation at 1</span>`
      + (a.initialMarginUsd || a.availableMarginUsd ? `<span class="muted">initial margin ${usd(a.initialMarginUsd)} · available ${usd(a.availableMarginUsd)}${a.time ? ` · as of ${clock(a.time, doc.time)} UTC` : ""}</span>` : "")
      + `</div>`
      + (a.error ? `<p class="part-error">${esc(a.error)}</p>` : "")
      + (positions.length
        ? `<table><thead><tr><th>position</th><th class="num">size</th><th class="num">entry</th><th class="num">mark</th><th class="num">liquidation</th><th class="num">distance</th></tr></thead><tbody>${positions.join("")}</tbody></table>`
        : empty("No open position."))
      + `</div>`;
  });
  return errorLine(part, "Margin") + cards.join("");
}

const severityTone: Record<string, string> = { error: "bad", warning: "warn", info: "plain" };

export function auditHtml(doc: FleetDocument): string {
  const part = doc.audit;
  const findings = items<Finding>(part, "findings");
  if (findings.length === 0) return errorLine(part, "Audit") + (partError(part) ? "" : empty("No findings."));
  const rows = findings.map((f) =>
    `<tr data-severity="${esc(f.severity)}"><td>${badge(f.severity, severityTone[f.severity] ?? "plain")}</td><td><code>${esc(f.code)}</code></td><td>${esc(f.subject ?? "")}</td><td>${esc(f.message ?? "")}${f.fix ? `<div class="muted">fix: ${esc(f.fix)}</div>` : ""}</td></tr>`);
  return errorLine(part, "Audit")
    + `<table><thead><tr><th>severity</th><th>code</th><th>subject</th><th>finding</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

const stepTone = (state: string): string => (state === "done" ? "good" : state === "pending" ? "warn" : state === "failed" ? "bad" : "idle");

export function treasuryHtml(doc: FleetDocument): string {
  const part = doc.treasury;
  const operations = items<TreasuryOperation>(part, "operations");
  if (operations.length === 0) return errorLine(part, "Treasury journal") + (partError(part) ? "" : empty("No treasury operation journaled."));
  const sorted = [...operations].sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
  const ops = sorted.map((op) => {
    const r = op.request;
    const what = r
      ? `${esc(r.kind)} ${esc(r.from)} → ${esc(r.to)}${r.amount ? ` ${group(r.amount)}` : ""} ${esc(r.asset ?? "every asset")}${r.keep ? `, keep ${group(r.keep)}` : ""}`
      : "";
    const steps = (op.steps ?? []).map((s) =>
      `<li><span class="step-index">${esc(s.index)}.</span> ${esc(s.kind)} ${esc(s.from)} → ${esc(s.to)} <b>${group(s.amount)}</b> ${esc(s.asset)} ${badge(s.state, stepTone(s.state))}`
      + (s.refId ? ` <span class="muted">ref ${esc(s.refId)}</span>` : "")
      + (s.recognised ? ` <span class="muted">(found done on the exchange)</span>` : "")
      + (s.attempts && s.attempts > 1 ? ` <span class="warn-text">${esc(s.attempts)} attempts</span>` : "")
      + (s.error ? `<div class="part-error">${esc(s.error)}</div>` : "")
      + `</li>`);
    return `<li class="operation" data-operation="${esc(op.id)}"><div><code>${esc(op.id)}</code> ${badge(op.state, op.state === "done" ? "good" : op.state === "open" ? "warn" : "idle")} ${what}`
      + ` <span class="muted">${clock(op.createdAt, doc.time)}${op.finishedAt ? ` → ${clock(op.finishedAt, doc.time)}` : ""} UTC</span></div>`
      + (steps.length ? `<ol class="steps">${steps.join("")}</ol>` : "")
      + `</li>`;
  });
  return errorLine(part, "Treasury journal") + `<ul class="operations">${ops.join("")}</ul>`;
}

const alertTone = (severity: string): string => (severity === "critical" ? "bad" : severity === "warning" ? "warn" : "idle");

function alertRow(a: AlertItem, now: string): string {
  return `<tr data-alert="${esc(a.alert)}" data-status="${esc(a.status)}"><td>${badge(a.severity, alertTone(a.severity))}</td><td><b>${esc(a.alert)}</b>${a.summary ? `<div class="muted small">${esc(a.summary)}</div>` : ""}</td>`
    + `<td><code>${esc(a.series)}</code> = <b>${esc(a.value ?? "–")}</b> <span class="muted">(${esc(a.condition)})</span></td>`
    + `<td class="muted">${a.status === "firing" ? `since ${esc(clock(a.since, now))}` : `${esc(a.status)} ${esc(clock(a.time, now))}`}</td></tr>`;
}

export function alertsHtml(doc: FleetDocument): string {
  const part = doc.alerts;
  const firing = items<AlertItem>(part, "firing");
  const recent = items<AlertItem>(part, "recent").filter((a) => a.status === "resolved").slice(0, 5);
  const webhooks = (part?.webhooks ?? []).filter((w) => w.problem);
  const rules = part?.rules ?? 0;
  if (rules === 0) return errorLine(part, "Alerts") + empty("No alert rules: add [[alerts]] to the manifest (docs/operations.md).");
  return errorLine(part, "Alerts")
    + `<div class="headline"><span class="big" data-testid="alerts-firing" data-value="${firing.length}">${firing.length}</span><span class="label">firing of ${rules} rule${rules === 1 ? "" : "s"}</span>`
    + `${part?.deadLetters ? `<span class="bad-text">${part.deadLetters} in the dead-letter file${part.deadLetterFile ? ` <code>${esc(part.deadLetterFile)}</code>` : ""}</span>` : ""}</div>`
    + webhooks.map((w) => `<p class="part-error">webhook ${esc(w.name)} cannot send: ${esc(w.problem)}</p>`).join("")
    + (firing.length + recent.length > 0 ? `<table><tbody>${firing.map((a) => alertRow(a, doc.time)).join("")}${recent.map((a) => alertRow(a, doc.time)).join("")}</tbody></table>` : empty("Nothing firing."));
}
