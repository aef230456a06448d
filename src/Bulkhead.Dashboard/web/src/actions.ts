// Operators' actions on the page: the buttons (only for a token that may act: GET api/session says so), a confirmation
// dialog naming what will happen, POST api/actions, and the journal of actions with each one's progress and result.
// The server carries every action out (FleetOperator) and journals it; the page only asks and shows.

import { badge, clock, esc, items, partError, setHtml } from "./format";
import type { FleetDocument, OperatorAction, Session, TreeNode } from "./types";

let session: Session = { role: "viewer", canAct: false };
let pending: { action: string; target: string } | null = null;

const what: Record<string, (target: string) => string> = {
  halt: (t) => `Halt strategy ${t}? Its trader cancels every order, disarms its dead man's switch and stops; it stays halted until resumed.`,
  resume: (t) => `Resume strategy ${t}? The supervisor starts its trader again.`,
  flatten: (t) => `Flatten strategy ${t}? Its trader is halted, then its flattener cancels every order of the subaccount and closes the position at market.`,
  restart: (t) => `Restart process ${t}? It is stopped gracefully and started again at once.`,
  kill: () => "Pull the kill switch? Every trader cancels its orders and stops, every dead man's switch fires, and nothing starts again until the switch is re-armed.",
  rearm: () => "Re-arm the kill switch? Processes may start again; every strategy stays halted until it is resumed.",
};

/** Whether this page may act (its token is the operator's). */
export function canAct(): boolean {
  return session.canAct;
}

/** Reads what the page's token may do; marks the body (data-role) and draws the header's buttons. */
export async function loadSession(): Promise<void> {
  try {
    const response = await fetch("api/session", { headers: { Accept: "application/json" }, cache: "no-store" });
    if (response.ok) session = (await response.json()) as Session;
  } catch {
    // A viewer: no buttons.
  }
  document.body.dataset.role = session.canAct ? "operator" : "viewer";
}

/** A button that asks for one action (HTML), or nothing for a page that may only look. */
export function actionButton(action: string, target: string, label: string, tone = ""): string {
  return session.canAct
    ? `<button type="button" class="act ${tone}" data-action="${esc(action)}" data-target="${esc(target)}">${esc(label)}</button>`
    : "";
}

/** The buttons of a tree node: halt/resume/flatten on a strategy (by its trader's state), restart on a supervised process. */
export function nodeActions(node: TreeNode): string {
  if (!session.canAct) return "";
  if (node.kind === "strategy") {
    const traders = (node.children ?? []).filter((c) => c.kind === "process" && c.role === "trader");
    const down = traders.length > 0 && traders.every((t) => t.state === "halted" || t.state === "stopped" || t.state === "failed");
    return `<span class="actions">${down ? actionButton("resume", node.name, "resume") : actionButton("halt", node.name, "halt")}${actionButton("flatten", node.name, "flatten", "danger")}</span>`;
  }
  if (node.kind === "process" && (node.role === "trader" || node.role === "dashboard") && node.state !== "stopped") {
    return `<span class="actions">${actionButton("restart", node.name, "restart")}</span>`;
  }
  return "";
}

/** The header's kill switch: its banner when pulled, and the button to pull or re-arm it. */
export function renderKillSwitch(doc: FleetDocument): void {
  const pulled = doc.operations?.killSwitch ?? null;
  const banner = document.querySelector<HTMLElement>("[data-testid=kill-banner]");
  if (banner) {
    banner.hidden = !pulled;
    setHtml(banner, pulled ? `<b>Kill switch pulled</b> by ${esc(pulled.by)} at ${esc(clock(pulled.at, doc.time))} UTC: every trader is stopped and nothing starts until it is re-armed.` : "");
  }
  const slot = document.querySelector<HTMLElement>("#kill-slot");
  if (slot) {
    setHtml(slot, session.canAct
      ? pulled ? actionButton("rearm", "fleet", "Re-arm kill switch").replace("<button", '<button data-testid="rearm"')
        : actionButton("kill", "fleet", "Kill switch", "danger").replace("<button", '<button data-testid="kill-switch"')
      : "");
  }
}

const stateTone = (state: string): string => (state === "done" ? "good" : state === "running" ? "warn" : "bad");

/** The journal of actions, newest first: who, when, what, its progress and result. */
export function actionsHtml(doc: FleetDocument): string {
  const part = doc.operations;
  const actions = items<OperatorAction>(part, "actions");
  const error = partError(part);
  const head = error ? `<p class="part-error">Operator journal unavailable: ${esc(error)}</p>` : "";
  if (actions.length === 0) return head + `<p class="empty">No operator action yet.${session.canAct ? "" : " This token can only look."}</p>`;
  const rows = actions.map((a) =>
    `<tr data-action-id="${esc(a.id)}" data-state="${esc(a.state)}"><td class="muted">${esc(clock(a.startedAt, doc.time))}</td><td><b>${esc(a.action)}</b> ${esc(a.target)}</td>`
    + `<td>${esc(a.operator)}<div class="muted small">${esc(a.source)}</div></td><td>${badge(a.state, stateTone(a.state))}</td>`
    + `<td>${a.result ? esc(a.result) : a.progress ? `<span class="muted">${esc(a.progress)}</span>` : ""}</td></tr>`);
  return head + `<table><thead><tr><th>UTC</th><th>action</th><th>who</th><th>state</th><th>progress / result</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function dialog(): HTMLDialogElement {
  return document.querySelector<HTMLDialogElement>("[data-testid=confirm]")!;
}

function status(text: string, tone: string): void {
  const line = document.querySelector<HTMLElement>("[data-testid=action-status]");
  if (!line) return;
  line.hidden = false;
  line.className = `banner ${tone}`;
  line.textContent = text;
}

function ask(action: string, target: string): void {
  pending = { action, target };
  const d = dialog();
  d.querySelector<HTMLElement>("[data-testid=confirm-text]")!.textContent = (what[action] ?? ((t: string) => `${action} ${t}?`))(target);
  const name = d.querySelector<HTMLInputElement>("[data-testid=operator-name]")!;
  name.value = localStorage.getItem("bulkhead-operator") ?? name.value;
  d.showModal();
}

async function submit(): Promise<void> {
  if (!pending) return;
  const { action, target } = pending;
  pending = null;
  const name = dialog().querySelector<HTMLInputElement>("[data-testid=operator-name]")!.value.trim() || "operator";
  localStorage.setItem("bulkhead-operator", name);
  dialog().close();
  status(`${action} ${target}: sending…`, "warn");
  try {
    const response = await fetch("api/actions", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ action, target, operator: name, source: "dashboard" }),
    });
    const body = (await response.json()) as OperatorAction & { error?: string };
    if (response.status === 202) status(`${body.id} ${action} ${target}: running — its progress is in the operator actions below`, "warn");
    else if (response.status === 409) status(`${action} ${target} refused: ${body.result ?? ""}`, "bad");
    else status(`${action} ${target}: ${response.status} ${body.error ?? ""}`, "bad");
  } catch (error) {
    status(`${action} ${target}: ${String(error)}`, "bad");
  }
}

/** Wires the buttons (event delegation: they are redrawn with every update) and the dialog. */
export function wireActions(): void {
  document.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-action]");
    if (button && session.canAct) ask(button.dataset.action ?? "", button.dataset.target ?? "");
  });
  dialog().querySelector("[data-testid=confirm-ok]")!.addEventListener("click", () => void submit());
  dialog().querySelector("[data-testid=confirm-cancel]")!.addEventListener("click", () => {
    pending = null;
    dialog().close();
  });
}
