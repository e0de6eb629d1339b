using NetHub.Node;

return await NodeCli.InvokeAsync(args).ConfigureAwait(false);
