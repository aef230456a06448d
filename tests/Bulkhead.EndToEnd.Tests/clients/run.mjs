// Drives one unmodified third-party Kraken client against a sandbox, for Bulkhead.EndToEnd.Tests.
//
// Input: a JSON spec in the environment variable BULKHEAD_E2E_SPEC (or argv[2]):
//   { "client": "kraken" | "krakenfutures" | "kraken-api",
//     "base": "http://127.0.0.1:PORT",          // no trailing slash
//     "key": "...", "secret": "...",            // optional for public calls
//     "options": { ... },                       // merged into the ccxt constructor config (e.g. enableRateLimit)
//     "steps": [ { "method": "fetchBalance", "args": [], "nonce": 123, "repeat": 1 } ] }
// A step calls client[method](...args) (kraken-api: client.api(method, args[0])). "nonce" pins the nonce of that
// step (ccxt: nonce() override; kraken-api: params.nonce). "repeat" runs it n times, stopping at the first error;
// with a pinned nonce, repetition i uses nonce + i.
// ccxt runs with its own rate limiter on but rateLimit 10 ms (instead of 1 s), so private calls are 30 ms apart:
// distinct millisecond nonces, without the 3 s per private call that real Kraken's settings would cost the suite.
// Output (stdout, one JSON document): { "steps": [ { "ok": true, "value": … } | { "ok": false, "error": "<class>", "message": "…" } ] }
// Every step is attempted; a failing step does not stop the run. Exit code 0 unless the spec itself is unusable.
// References: a string argument (also inside an object or array argument) of the form "$step[N].path.to.field" is
// replaced by that field of step N's value (e.g. "$step[0].id": the order id createOrder returned), so one run can
// place an order and then edit, query and cancel it. "$step[N]" alone is the whole value.
// Polling: "untilEmptyMs": T repeats the call every 200 ms until it returns an empty array (or an empty object) or T ms
// have passed (then the last value is returned as is); "calls" tells how many calls it took.
import ccxt from 'ccxt';
import KrakenClient from 'kraken-api';

const spec = JSON.parse(process.env.BULKHEAD_E2E_SPEC ?? process.argv[2]);

function makeClient() {
  const base = spec.base;
  switch (spec.client) {
    case 'kraken':
      return new ccxt.kraken({
        apiKey: spec.key,
        secret: spec.secret,
        urls: { api: { public: base, private: base } },
        timeout: 10000,
        rateLimit: 10,
        ...spec.options,
      });
    case 'krakenfutures':
      return new ccxt.krakenfutures({
        apiKey: spec.key,
        secret: spec.secret,
        urls: {
          api: {
            public: base + '/derivatives/api/',
            private: base + '/derivatives/api/',
            history: base + '/api/history/',
            charts: base + '/api/charts/',
          },
        },
        timeout: 10000,
        rateLimit: 10,
        ...spec.options,
      });
    case 'kraken-api':
      return new KrakenClient(spec.key ?? '', spec.secret ?? '', { url: base, timeout: 10000 });
    default:
      throw new Error(`unknown client ${spec.client}`);
  }
}

// ccxt's market and balance structures carry the raw response under "info" (large, and sometimes circular).
const dropInfo = (key, value) => (key === 'info' ? undefined : value);

function resolve(arg, results) {
  if (typeof arg === 'string') {
    const match = /^\$step\[(\d+)\](.*)$/.exec(arg);
    if (!match) {
      return arg;
    }

    let value = results[Number(match[1])]?.value;
    for (const part of match[2].split('.').filter((p) => p.length > 0)) {
      value = value?.[part];
    }

    return value;
  }

  if (Array.isArray(arg)) {
    return arg.map((a) => resolve(a, results));
  }

  if (arg !== null && typeof arg === 'object') {
    return Object.fromEntries(Object.entries(arg).map(([k, v]) => [k, resolve(v, results)]));
  }

  return arg;
}

async function callOnce(client, step, nonce, results) {
  const args = resolve(step.args ?? [], results);
  if (spec.client === 'kraken-api') {
    const params = { ...(args[0] ?? {}) };
    if (nonce !== undefined) {
      params.nonce = nonce;
    }

    const answer = await client.api(step.method, params);
    return answer.result;
  }

  const realNonce = client.nonce;
  if (nonce !== undefined) {
    client.nonce = () => nonce;
  }

  try {
    return await client[step.method](...args);
  } finally {
    client.nonce = realNonce;
  }
}

async function run() {
  const client = makeClient();
  const results = [];
  for (const step of spec.steps) {
    const times = step.repeat ?? 1;
    let outcome;
    let calls = 0;
    const pollUntil = step.untilEmptyMs === undefined ? undefined : Date.now() + step.untilEmptyMs;
    for (let i = 0; i < times || pollUntil !== undefined; i++) {
      if (pollUntil !== undefined && i > 0) {
        const v = outcome?.value;
        const empty = v !== undefined && v !== null && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
        if (!outcome?.ok || empty || Date.now() > pollUntil) {
          break;
        }

        await new Promise((r) => setTimeout(r, 200));
      }

      calls++;
      try {
        outcome = { ok: true, value: await callOnce(client, step, step.nonce === undefined ? undefined : step.nonce + i, results) };
      } catch (e) {
        outcome = { ok: false, error: e?.constructor?.name ?? 'Error', message: String(e?.message ?? e) };
        break;
      }
    }

    outcome.calls = calls;
    results.push(outcome);
  }

  process.stdout.write(JSON.stringify({ steps: results }, dropInfo));
}

run().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(2);
});
