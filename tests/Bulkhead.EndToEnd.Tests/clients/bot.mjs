// An external bot as `command = ["node", ".../bot.mjs", MODE, PIDFILE]` runs it behind its worker's gateway, for
// Bulkhead.EndToEnd.Tests/Gateway/ExternalBotTests. Unmodified ccxt, configured only from the environment the worker
// gives it: KRAKEN_API_URL, KRAKEN_API_KEY, KRAKEN_API_SECRET.
// MODE "once": one fetchBalance, print it, then idle until SIGTERM. MODE "loop": fetchBalance every 100 ms forever,
// printing each outcome (a bot that keeps retrying whatever it is told).
import ccxt from 'ccxt';
import { writeFileSync } from 'node:fs';

const [mode, pidFile] = process.argv.slice(2);
writeFileSync(pidFile, String(process.pid));
const base = process.env.KRAKEN_API_URL;
const kraken = new ccxt.kraken({
  apiKey: process.env.KRAKEN_API_KEY,
  secret: process.env.KRAKEN_API_SECRET,
  urls: { api: { public: base, private: base } },
  timeout: 10000,
  rateLimit: 10,
});
process.on('SIGTERM', () => {
  console.log('bot: SIGTERM');
  process.exit(0);
});

async function balance() {
  try {
    const b = await kraken.fetchBalance();
    console.log('bot: balance ' + JSON.stringify(b.total));
  } catch (e) {
    console.log('bot: error ' + e.constructor.name + ' ' + e.message);
  }
}

if (mode === 'loop') {
  for (;;) {
    await balance();
    await new Promise((r) => setTimeout(r, 100));
  }
} else {
  await balance();
  setInterval(() => {}, 1000);
}
