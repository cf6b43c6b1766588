return await RagGate.Server.ServerApp.RunAsync(args);
