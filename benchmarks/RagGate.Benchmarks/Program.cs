Console.WriteLine("usage: dotnet run -c Release --project benchmarks/RagGate.Benchmarks -- <benchmark>");
return 2;
