using BenchmarkDotNet.Running;

// Hot-path micro-benchmarks; the scenario benchmark (wrk, peers) is run.sh / bench.mjs beside this file.
BenchmarkSwitcher.FromAssembly(typeof(Waldur.GraphGateway.Benchmarks.HotPathBenchmarks).Assembly).Run(args);
