using System.Collections.Immutable;

namespace Bulkhead.Fleet.Planning;

/// <summary>One rate budget of the fleet, as Kraken counts it, in the production plan (<see cref="PlanBudgets"/>).</summary>
/// <param name="Kind"><c>spot-rest</c>, <c>websocket-connections</c>, <c>websocket-messages</c>, <c>spot-trading</c>, <c>futures-derivatives</c> or <c>futures-history</c>.</param>
/// <param name="Scope">Whose it is: <c>key</c> (one API key's), <c>connection</c> (each WebSocket connection of a key), <c>account-pair</c> (an account's, per pair) or <c>account</c>.</param>
/// <param name="Account">The account.</param>
/// <param name="Pair">The pair of a <c>spot-trading</c> counter (null: every pair has one of its own).</param>
/// <param name="Limit">The level at which the exchange refuses.</param>
/// <param name="Rate">How it recovers, and what the fleet books of it, in words.</param>
/// <param name="Refusal">What the exchange answers beyond it.</param>
/// <param name="Keys">The manifest's keys that charge it: one for a key's budget, every key that shares an account's.</param>
public sealed record PlanBudget(string Kind, string Scope, string Account, string? Pair, decimal Limit, string Rate, string Refusal, ImmutableArray<string> Keys);
