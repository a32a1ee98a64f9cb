using CareerConv.LocalHost;

return await LocalHostCommand.RunAsync(args, Console.Out, Console.Error);
