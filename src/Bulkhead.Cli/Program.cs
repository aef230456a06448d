using System.CommandLine;
using Bulkhead.Cli.Commands;

// Ctrl-C and SIGTERM cancel the command's token; System.CommandLine then ends the process after this timeout (default
// 2 s) even if the command is still stopping. Workers (cancel all, disarm, release: up to 10 s) and the supervisor
// (SIGTERM to every worker, up to 15 s, then the demo's report and reconciliation) need longer.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
return await BulkheadCommand.Create(CliEnvironment.FromProcess()).Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
