using RagGate.Cli;

return await RaggateApp.RunAsync(args);
