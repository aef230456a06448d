// Contract D (docs/dashboard.md): the /api/fleet document the page renders. Decimals arrive as JSON strings, times as
// ISO-8601 UTC. Every part may carry an `error` (the source failed: the page shows it and what it still has).

export type Health = "ok" | "warn" | "down" | "halted" | "idle";
export type NodeKind = "master" | "subaccount" | "strategy" | "process" | "key";
export type Dec = string;

export interface Lease {
  holder: string | null;
  host: string | null;
  pid: number | null;
  fencing: number | null;
  heartbeatAgeSeconds: number | null;
  expiresAt?: string | null;
}

export interface TreeNode {
  id: string;
  kind: NodeKind;
  name: string;
  health: Health;
  detail?: string | null;
  children?: TreeNode[];
  // subaccount (and master)
  venue?: string | null;
  rateHeadroom?: { trading?: Dec | number | null } | null;
  // process
  role?: string | null;
  state?: string | null;
  pid?: number | null;
  restarts?: number | null;
  heartbeatAgeSeconds?: number | null;
  haltReason?: string | null;
  guard?: string | null;
  lastNonceAt?: string | null;
  lease?: Lease | null;
  socket?: Socket | null;
  // key
  findings?: number | null;
  restHeadroom?: Dec | number | null;
}

export interface Part {
  error?: string | null;
}

export interface AssetLine {
  asset: string;
  amount: Dec;
  usd?: Dec | null;
}

export interface AccountBalance {
  account: string;
  equityUsd?: Dec | null;
  assets?: AssetLine[];
  time?: string | null;
  error?: string | null;
}

export interface Balances extends Part {
  accounts?: AccountBalance[];
  consolidated?: { equityUsd?: Dec | null; assets?: AssetLine[] } | null;
}

export interface PnlFigures {
  realisedUsd?: Dec | null;
  unrealisedUsd?: Dec | null;
  feesUsd?: Dec | null;
  pnlUsd?: Dec | null;
}

export interface StrategyPnl extends PnlFigures {
  strategy: string;
  account?: string | null;
}

export interface Pnl extends Part {
  strategies?: StrategyPnl[];
  consolidated?: PnlFigures | null;
}

export interface EquityPoint {
  time: string;
  pnlUsd?: Dec | null;
  equityUsd?: Dec | null;
}

export interface StrategyEquity {
  strategy: string;
  account?: string | null;
  points: EquityPoint[];
}

export interface Equity extends Part {
  strategies?: StrategyEquity[];
}

export interface FeeTier {
  minVolumeUsd: Dec;
  makerPct?: Dec | null;
  takerPct?: Dec | null;
}

export interface Fees extends Part {
  volume30dUsd?: Dec | null;
  tier?: FeeTier | null;
  nextTier?: FeeTier | null;
  volumeToNextTierUsd?: Dec | null;
  ladder?: FeeTier[];
  time?: string | null;
}

export interface Position {
  symbol: string;
  size?: Dec | null;
  entryPrice?: Dec | null;
  markPrice?: Dec | null;
  liquidationPrice?: Dec | null;
  distancePct?: Dec | null;
}

export interface MarginAccount {
  account: string;
  marginLevel?: Dec | null;
  equityUsd?: Dec | null;
  maintenanceMarginUsd?: Dec | null;
  initialMarginUsd?: Dec | null;
  availableMarginUsd?: Dec | null;
  time?: string | null;
  positions?: Position[];
  error?: string | null;
}

export interface Margin extends Part {
  accounts?: MarginAccount[];
}

export interface Finding {
  severity: string;
  code: string;
  subject?: string | null;
  message?: string | null;
  fix?: string | null;
}

export interface Audit extends Part {
  findings?: Finding[];
}

export interface TreasuryStep {
  index: number;
  kind: string;
  from: string;
  to: string;
  asset: string;
  amount: Dec;
  state: string;
  attempts?: number;
  startedAt?: string | null;
  refId?: string | null;
  error?: string | null;
  doneAt?: string | null;
  recognised?: boolean;
}

export interface TreasuryOperation {
  id: string;
  request?: { kind: string; from: string; to: string; asset?: string | null; amount?: Dec | null; keep?: Dec | null } | null;
  createdAt?: string | null;
  state: string;
  finishedAt?: string | null;
  steps?: TreasuryStep[];
}

export interface Treasury extends Part {
  operations?: TreasuryOperation[];
}

export interface OperatorAction {
  id: string;
  action: string;
  target: string;
  operator: string;
  source: string;
  startedAt: string;
  state: "running" | "done" | "failed" | "refused" | string;
  progress?: string | null;
  result?: string | null;
  finishedAt?: string | null;
}

export interface Operations extends Part {
  killSwitch?: { at: string; by: string } | null;
  actions?: OperatorAction[];
}

export interface AlertItem {
  id: string;
  status: "firing" | "resolved" | string;
  alert: string;
  severity: "info" | "warning" | "critical" | string;
  summary?: string | null;
  series: string;
  value?: Dec | null;
  condition: string;
  since: string;
  time: string;
}

export interface Alerts extends Part {
  rules?: number;
  firing?: AlertItem[];
  recent?: AlertItem[];
  webhooks?: { name: string; problem?: string | null }[];
  deadLetters?: number;
  deadLetterFile?: string | null;
}

/** What the request's token may do (GET api/session). */
export interface Session {
  role: "viewer" | "operator";
  canAct: boolean;
}

export interface FleetDocument {
  fleet: string;
  environment: string;
  time: string;
  exchange?: { reachable: boolean; error?: string | null } | null;
  tree?: ({ master?: TreeNode | null } & Part) | null;
  balances?: Balances | null;
  pnl?: Pnl | null;
  equity?: Equity | null;
  fees?: Fees | null;
  margin?: Margin | null;
  audit?: Audit | null;
  treasury?: Treasury | null;
  operations?: Operations | null;
  alerts?: Alerts | null;
}

/** A streaming process's socket, from its last heartbeat. */
export interface Socket {
  state: string;
  venue?: string | null;
  subscriptions?: string[] | null;
  lastMessageAgeSeconds?: number | null;
  reconnects: number;
  bookResyncs: number;
}
