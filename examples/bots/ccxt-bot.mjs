// A small external bot for a fleet manifest (docs/gateway.md, "External processes"):
//
//   [processes.ccxt-bot]
//   role = "trader"
//   account = "mm"
//   key = "ccxt-bot"
//   command = ["node", "bots/ccxt-bot.mjs", "BTC/USD", "0.001"]
//
// Its worker serves it a gateway and starts it with KRAKEN_API_URL, KRAKEN_FUTURES_URL, KRAKEN_API_KEY and
// KRAKEN_API_SECRET (a local credential, never the real secret). Unmodified ccxt, only its base URL changed.
// Every 10 s it reads its balance and the book, rests a bid 1 % under the best bid, and cancels it on the next round;
// every 6th round it buys or sells the amount at market, alternately, so it trades without drifting.
// Install once: `npm ci` in examples/bots. Stops on SIGTERM (its worker's graceful stop).
import ccxt from 'ccxt';

const [symbol = 'BTC/USD', amountText = '0.001'] = process.argv.slice(2);
const amount = Number(amountText);
const base = process.env.KRAKEN_API_URL;
if (!base || !process.env.KRAKEN_API_KEY || !process.env.KRAKEN_API_SECRET) {
  console.error('ccxt-bot: KRAKEN_API_URL, KRAKEN_API_KEY and KRAKEN_API_SECRET must be set (bulkhead run sets them)');
  process.exit(2);
}

const kraken = new ccxt.kraken({
  apiKey: process.env.KRAKEN_API_KEY,
  secret: process.env.KRAKEN_API_SECRET,
  urls: { api: { public: base, private: base } },
  timeout: 10000,
});

let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});

let resting = null;
for (let round = 0; !stopping; round++) {
  try {
    if (resting) {
      await kraken.cancelOrder(resting, symbol);
      resting = null;
    }

    const balance = await kraken.fetchBalance();
    const book = await kraken.fetchOrderBook(symbol, 10);
    const bid = book.bids[0]?.[0];
    if (bid) {
      const order = await kraken.createOrder(symbol, 'limit', 'buy', amount, kraken.priceToPrecision(symbol, bid * 0.99));
      resting = order.id;
    }

    if (round % 6 === 5) {
      await kraken.createOrder(symbol, 'market', round % 12 === 5 ? 'buy' : 'sell', amount);
    }

    console.log(`ccxt-bot: round ${round}, USD ${balance.total.USD ?? 0}, BTC ${balance.total.BTC ?? 0}, bid ${bid}`);
  } catch (e) {
    console.log(`ccxt-bot: ${e.constructor.name}: ${e.message}`);
  }

  for (let i = 0; i < 100 && !stopping; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

if (resting) {
  await kraken.cancelOrder(resting, symbol).catch(() => {});
}

console.log('ccxt-bot: stopped');
