using MovieTrends.Bench;

// It reads /proc and drives Linux tools (wrk, perf, PostgreSQL's server binaries).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// Benchmarks the GraphQL service, the web proxy and a fixed-bytes baseline on this machine and writes
// bench/results/<date>-<commit>.md. Run through bench/run.sh, which builds everything in Release first.
var options = BenchOptions.Parse(args);
return await BenchmarkRun.ExecuteAsync(options) ? 0 : 1;
