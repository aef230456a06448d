// Drives unmodified ccxt pro (kraken, WebSocket v2) against a sandbox, for Bulkhead.EndToEnd.Tests.
//
// Input: a JSON spec in the environment variable BULKHEAD_E2E_SPEC (or argv[2]):
//   { "base": "http://127.0.0.1:PORT",                       // no trailing slash; WebSockets at ws://… same host/port
//     "clients": { "desk": { "key": "...", "secret": "..." }, … },   // one ccxt.pro.kraken per named client
//     "steps": [ … ] }
// Steps, run in order (every step is attempted; a failing step does not stop the run):
//   { "client": "desk", "method": "createOrderWs", "args": [...] }   awaits client[method](...args) (REST or WS alike)
//   { "client": "desk", "watch": "orders", "method": "watchOrders", "args": [...] }
//        starts a background loop calling the watch method and keeping its latest value under the name "orders";
//        the step answers at once ({ "watching": "orders" }): a watch resolves only on data, which may not come yet.
//   { "wait": "orders", "match": { "id": "$step[5].id", "status": "canceled" }, "timeoutMs": 15000 }
//        waits until the latest value of "orders" matches: an array matches when one element has every field of
//        "match" (dotted paths allowed), an object when it has them itself; answers the matching element/object.
// Clients are created with newUpdates false, so a watch answers its whole cache (every order, every trade so far).
// References: "$step[N].path" in args or match values is replaced by that field of step N's value (as in run.mjs).
// Output (stdout, one JSON document): { "steps": [ { "ok": true, "value": … } | { "ok": false, "error": "<class>", "message": "…" } ] }
import ccxt from 'ccxt';

const spec = JSON.parse(process.env.BULKHEAD_E2E_SPEC ?? process.argv[2]);
const wsBase = spec.base.replace(/^http/, 'ws');
const dropInfo = (key, value) => (key === 'info' ? undefined : value);

function makeClient(credentials) {
  return new ccxt.pro.kraken({
    apiKey: credentials.key,
    secret: credentials.secret,
    urls: { api: { public: spec.base, private: spec.base, ws: { publicV2: wsBase + '/v2', privateV2: wsBase + '/auth/v2' } } },
    timeout: 10000,
    rateLimit: 10,
    newUpdates: false,
  });
}

function resolve(arg, results) {
  if (typeof arg === 'string') {
    const match = /^\$step\[(\d+)\](.*)$/.exec(arg);
    if (!match) {
      return arg;
    }

    return get(results[Number(match[1])]?.value, match[2]);
  }

  if (Array.isArray(arg)) {
    return arg.map((a) => resolve(a, results));
  }

  if (arg !== null && typeof arg === 'object') {
    return Object.fromEntries(Object.entries(arg).map(([k, v]) => [k, resolve(v, results)]));
  }

  return arg;
}

function get(value, path) {
  for (const part of path.split('.').filter((p) => p.length > 0)) {
    value = value?.[part];
  }

  return value;
}

function matches(item, match) {
  return Object.entries(match).every(([path, expected]) => {
    const actual = get(item, path);
    return typeof expected === 'number' ? Number(actual) === expected : actual === expected;
  });
}

function find(value, match) {
  if (Array.isArray(value)) {
    return value.find((item) => matches(item, match));
  }

  return value !== undefined && matches(value, match) ? value : undefined;
}

async function run() {
  const clients = {};
  for (const [name, credentials] of Object.entries(spec.clients ?? { anonymous: {} })) {
    clients[name] = makeClient(credentials);
    // ccxt refuses ws:// (not wss://) URLs until its http agent is loaded.
    await clients[name].loadHttpProxyAgent();
  }

  const defaultClient = Object.keys(clients)[0];
  const latest = {};
  const failures = {};
  let stopped = false;
  const loops = [];
  const results = [];
  for (const step of spec.steps) {
    let outcome;
    try {
      if (step.wait !== undefined) {
        const match = resolve(step.match ?? {}, results);
        const until = Date.now() + (step.timeoutMs ?? 15000);
        let found;
        while ((found = find(latest[step.wait], match)) === undefined) {
          if (failures[step.wait] !== undefined) {
            throw failures[step.wait];
          }

          if (Date.now() > until) {
            throw new Error(`timeout waiting for ${step.wait} to match ${JSON.stringify(match)}; latest: ${JSON.stringify(latest[step.wait], dropInfo)}`);
          }

          await new Promise((r) => setTimeout(r, 50));
        }

        outcome = { ok: true, value: found };
      } else {
        const client = clients[step.client ?? defaultClient];
        const args = resolve(step.args ?? [], results);
        if (step.watch !== undefined) {
          const name = step.watch;
          loops.push((async () => {
            while (!stopped) {
              try {
                latest[name] = await client[step.method](...args);
              } catch (e) {
                if (!stopped) {
                  failures[name] = e;
                }

                return;
              }
            }
          })());
          outcome = { ok: true, value: { watching: name } };
        } else {
          outcome = { ok: true, value: await client[step.method](...args) };
        }
      }
    } catch (e) {
      outcome = { ok: false, error: e?.constructor?.name ?? 'Error', message: String(e?.message ?? e) };
    }

    results.push(outcome);
  }

  stopped = true;
  process.stdout.write(JSON.stringify({ steps: results }, dropInfo));
  await Promise.race([Promise.all(Object.values(clients).map((c) => c.close())), new Promise((r) => setTimeout(r, 2000))]);
  process.exit(0);
}

run().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(2);
});
