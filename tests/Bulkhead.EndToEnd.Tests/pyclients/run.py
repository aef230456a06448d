"""Drives one unmodified third-party Python Kraken client against a sandbox, for Bulkhead.EndToEnd.Tests.

Input: the same JSON spec as clients/run.mjs, in the environment variable BULKHEAD_E2E_SPEC (or argv[1]):
  { "client": "krakenex" | "python-kraken-sdk" | "python-kraken-sdk-futures", "base": "http://127.0.0.1:PORT",
    "key": "...", "secret": "...", "steps": [ { "method": "...", "args": [ {...} ] } ] }
krakenex: "method" is the Kraken method (Time, Ticker, Balance, AddOrder, ...); args[0] is the data dict; public
  methods go through query_public, the rest through query_private. The base URL is krakenex's own `uri` attribute.
python-kraken-sdk: "method" is "Class.method" of kraken.spot (User, Trade, Market) or kraken.futures (User, Trade,
  Market); args[0] is the keyword arguments. The base URL is the clients' own `url` constructor argument.
A string argument "$step[N].a.b" is replaced by that field of step N's value (as in run.mjs).
Output (stdout, one JSON document): { "steps": [ { "ok": true, "value": ... } | { "ok": false, "error": "<class>",
  "message": "..." } ] }. Every step is attempted.
"""

import json
import os
import re
import sys

PUBLIC = {"Time", "SystemStatus", "Assets", "AssetPairs", "Ticker", "Depth", "Trades", "OHLC", "Spread"}
REF = re.compile(r"^\$step\[(\d+)\](.*)$")


def resolve(arg, results):
    if isinstance(arg, str):
        match = REF.match(arg)
        if not match:
            return arg
        value = results[int(match.group(1))].get("value")
        for part in [p for p in match.group(2).split(".") if p]:
            if isinstance(value, list):
                value = value[int(part)]
            elif isinstance(value, dict):
                value = value.get(part)
            else:
                value = None
        return value
    if isinstance(arg, list):
        return [resolve(a, results) for a in arg]
    if isinstance(arg, dict):
        return {k: resolve(v, results) for k, v in arg.items()}
    return arg


def make(spec):
    client, base, key, secret = spec["client"], spec["base"], spec.get("key") or "", spec.get("secret") or ""
    if client == "krakenex":
        import krakenex

        api = krakenex.API(key=key, secret=secret)
        api.uri = base
        return api
    if client == "python-kraken-sdk":
        from kraken import spot

        return {name: getattr(spot, name)(key=key, secret=secret, url=base) for name in ("User", "Trade", "Market")}
    if client == "python-kraken-sdk-futures":
        from kraken import futures

        return {name: getattr(futures, name)(key=key, secret=secret, url=base) for name in ("User", "Trade", "Market")}
    raise ValueError(f"unknown client {client}")


def call(spec, client, step, results):
    args = resolve(step.get("args") or [], results)
    data = args[0] if args else {}
    if spec["client"] == "krakenex":
        answer = client.query_public(step["method"], data) if step["method"] in PUBLIC else client.query_private(step["method"], data)
        if answer.get("error"):
            raise RuntimeError(", ".join(answer["error"]))
        return answer.get("result")
    owner, method = step["method"].split(".", 1)
    return getattr(client[owner], method)(**data)


def main():
    spec = json.loads(os.environ.get("BULKHEAD_E2E_SPEC") or sys.argv[1])
    client = make(spec)
    results = []
    for step in spec["steps"]:
        try:
            results.append({"ok": True, "value": call(spec, client, step, results), "calls": 1})
        except Exception as e:  # noqa: BLE001 - every step's outcome is reported, not raised
            results.append({"ok": False, "error": type(e).__name__, "message": str(e), "calls": 1})
    sys.stdout.write(json.dumps({"steps": results}, default=str))


if __name__ == "__main__":
    main()
