// The fleet tree: master → subaccounts (+ the master's own processes) → strategies → processes → keys. Rendered once and
// then updated in place, node by node (keyed by the node's id), so the live updates never rebuild it.

import { nodeActions } from "./actions";
import { age, ageOf, badge, esc, gauge, setHtml } from "./format";
import type { Health, TreeNode } from "./types";

const healthTone: Record<Health, string> = { ok: "good", warn: "warn", down: "bad", halted: "bad", idle: "idle" };

const stateTone = (state: string | null | undefined): string =>
  state === "running" ? "good" : state === "starting" || state === "stopping" ? "warn" : state === "backoff" || state === "halted" || state === "failed" ? "bad" : "idle";

function facts(node: TreeNode, now: string): string {
  switch (node.kind) {
    case "master":
    case "subaccount": {
      const headroom = node.rateHeadroom;
      return [
        node.venue ? badge(node.venue, "plain") : "",
        headroom ? `<span class="gauges">${gauge("trading", headroom.trading)}</span>` : "",
      ].join("");
    }
    case "process": {
      const lease = node.lease;
      const socket = node.socket;
      const parts = [
        badge(node.role, "plain"),
        badge(node.state, stateTone(node.state)),
        node.pid ? `<span class="fact">pid ${esc(node.pid)}</span>` : "",
        node.restarts ? `<span class="fact warn-text">${esc(node.restarts)} restart${node.restarts === 1 ? "" : "s"}</span>` : "",
        node.heartbeatAgeSeconds !== null && node.heartbeatAgeSeconds !== undefined
          ? `<span class="fact${node.heartbeatAgeSeconds > 10 ? " bad-text" : ""}" title="age of the worker's last heartbeat">heartbeat ${age(node.heartbeatAgeSeconds)}</span>`
          : "",
        node.guard ? `<span class="fact" title="lockout guard">guard ${badge(node.guard, node.guard === "ok" ? "good" : "bad")}</span>` : "",
        node.lastNonceAt ? `<span class="fact" title="when the key last signed a request">nonce ${ageOf(node.lastNonceAt, now)}</span>` : "",
        lease
          ? `<span class="fact" title="the key's lease (fencing token ${esc(lease.fencing)})">lease ${esc(lease.holder ?? "?")}${lease.fencing !== null && lease.fencing !== undefined ? ` #${esc(lease.fencing)}` : ""}${lease.heartbeatAgeSeconds !== null && lease.heartbeatAgeSeconds !== undefined ? `, renewed ${age(lease.heartbeatAgeSeconds)} ago` : ""}</span>`
          : "",
        socket
          ? `<span class="fact socket" title="its WebSocket: ${esc((socket.subscriptions ?? []).join(", ") || "no subscription")}">`
            + `${esc(socket.venue ?? "socket")} ${badge(socket.state, socket.state === "connected" ? "good" : socket.state === "reconnecting" ? "warn" : "bad")}`
            + ` ${esc((socket.subscriptions ?? []).length)} sub${(socket.subscriptions ?? []).length === 1 ? "" : "s"}`
            + `${socket.lastMessageAgeSeconds !== null && socket.lastMessageAgeSeconds !== undefined ? `, last message ${age(socket.lastMessageAgeSeconds)} ago` : ""}`
            + `${socket.reconnects ? `, <span class="warn-text">${esc(socket.reconnects)} reconnect${socket.reconnects === 1 ? "" : "s"}</span>` : ""}`
            + `${socket.bookResyncs ? `, ${esc(socket.bookResyncs)} book resync${socket.bookResyncs === 1 ? "" : "s"}` : ""}</span>`
          : "",
      ];
      // A running process keeps the reason of its last exit: shown quietly, in red only while it is not running.
      const halted = !node.haltReason ? ""
        : node.state === "running" ? `<div class="last-exit">last exit: ${esc(node.haltReason)}</div>`
        : `<div class="halt-reason">${esc(node.haltReason)}</div>`;
      return `<span class="facts">${parts.join("")}</span>${halted}`;
    }
    case "key":
      return [
        node.restHeadroom !== null && node.restHeadroom !== undefined ? `<span class="gauges">${gauge("REST", node.restHeadroom)}</span>` : "",
        node.findings ? badge(`${node.findings} audit finding${node.findings === 1 ? "" : "s"}`, "warn") : "",
      ].join("");
    default:
      return "";
  }
}

function rowHtml(node: TreeNode, now: string): string {
  const health = node.health ?? "idle";
  return `<span class="dot ${healthTone[health] ?? "idle"}" aria-hidden="true"></span>`
    + `<span class="name">${esc(node.name)}</span>`
    + `<span class="kind">${esc(node.kind)}</span>`
    + `<span class="health ${healthTone[health] ?? "idle"}-text">${esc(health)}</span>`
    + (node.detail && node.kind !== "process" && node.kind !== "key" ? `<span class="detail">${esc(node.detail)}</span>` : "")
    + nodeActions(node)
    + facts(node, now);
}

function createNode(node: TreeNode): HTMLLIElement {
  const li = document.createElement("li");
  li.className = `node kind-${node.kind}`;
  li.dataset.node = `${node.kind}:${node.name}`;
  const row = document.createElement("div");
  row.className = "row";
  const children = document.createElement("ul");
  children.className = "children";
  li.append(row, children);
  return li;
}

function update(li: HTMLLIElement, node: TreeNode, now: string, index: Map<string, HTMLLIElement>): void {
  li.dataset.health = node.health ?? "idle";
  li.title = node.detail ?? "";
  setHtml(li.firstElementChild as HTMLElement, rowHtml(node, now));
  reconcile(li.lastElementChild as HTMLUListElement, node.children ?? [], now, index);
}

function reconcile(list: HTMLUListElement, nodes: TreeNode[], now: string, index: Map<string, HTMLLIElement>): void {
  const wanted = new Set<HTMLLIElement>();
  let cursor: ChildNode | null = list.firstChild;
  for (const node of nodes) {
    const id = node.id ?? `${node.kind}:${node.name}`;
    let li = index.get(id);
    if (!li) {
      li = createNode(node);
      index.set(id, li);
    }
    wanted.add(li);
    update(li, node, now, index);
    if (li !== cursor) list.insertBefore(li, cursor);
    else cursor = cursor.nextSibling;
  }
  for (const child of Array.from(list.children)) {
    if (!wanted.has(child as HTMLLIElement)) {
      child.remove();
      for (const [id, li] of index) if (li === child) index.delete(id);
    }
  }
}

/** Renders (first call) or updates (later calls) the tree under `root`. */
export function renderTree(root: HTMLUListElement, master: TreeNode | null | undefined, now: string, index: Map<string, HTMLLIElement>): void {
  reconcile(root, master ? [master] : [], now, index);
}
