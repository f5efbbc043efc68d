using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/LlmTelemetry.Benchmarks -- --filter '*'            (all)
// dotnet run -c Release --project bench/LlmTelemetry.Benchmarks -- --filter '*ChatCall*'   (one class)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
