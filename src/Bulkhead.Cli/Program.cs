using Bulkhead.Cli.Commands;

return await BulkheadCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
