using Bulkhead.Cli.Commands;

return await BulkheadCommand.Create(CliEnvironment.FromProcess()).Parse(args).InvokeAsync().ConfigureAwait(false);
