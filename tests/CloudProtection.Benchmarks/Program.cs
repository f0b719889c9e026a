using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Benchmarks;

// Measures the fan-out engine against simulated Defender hosts, all in this process, and prints the
// figures for docs/benchmarks.md with a final RESULT line for scripts.
BenchmarkOptions options;
try
{
    if (Array.Exists(args, argument => argument is "--help" or "-h" or "-?"))
    {
        Console.WriteLine(BenchmarkOptions.Usage);
        return 0;
    }

    options = BenchmarkOptions.Parse(args);
    CloudProtection.FanOut.FanOutLimits.ValidateThrottleLimit(options.Throttle);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

// Targets that the fan-out must meet for 1,000 hosts.
const double MaximumRatio = 1.15;
const int MaximumRoundTrips = 3;
const double MaximumStateMegabytes = 50;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var latency = TimeSpan.FromMilliseconds(options.LatencyMilliseconds);

// Many hosts start at once, and the thread pool would otherwise add threads slowly at first.
ThreadPool.GetMinThreads(out int workerThreads, out int completionThreads);
ThreadPool.SetMinThreads(Math.Max(workerThreads, Environment.ProcessorCount * 4), completionThreads);

Console.WriteLine($"Simulated hosts: {options.Hosts}, throttle limit: {options.Throttle}, latency per CIM operation: {options.LatencyMilliseconds} ms");
Console.WriteLine($"Runtime: {Environment.Version}, processors: {Environment.ProcessorCount}, OS: {Environment.OSVersion}");

// Other processes on a shared machine slow every figure, so the load is printed where Linux gives it.
if (File.Exists("/proc/loadavg"))
{
    Console.WriteLine($"Load average (1, 5, 15 minutes) at start: {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}");
}

// Task.Delay returns some time after its due time, so even an idle machine exceeds the latency a little.
// The ideal keeps the nominal latency, and this line shows how much of the ratio the timer alone explains.
Stopwatch delayStopwatch = Stopwatch.StartNew();
const int CalibrationDelays = 10;
for (int delay = 0; delay < CalibrationDelays; delay++)
{
    Task.Delay(latency).GetAwaiter().GetResult();
}

Console.WriteLine($"Task.Delay({options.LatencyMilliseconds} ms) took {delayStopwatch.Elapsed.TotalMilliseconds / CalibrationDelays:0.0} ms on average over {CalibrationDelays} sequential calls.");

// The warm-up of four waves is not measured, so that most JIT work, which a session pays once, falls
// outside the measured run.
int warmUpHosts = Math.Min(4 * options.Throttle, options.Hosts);
FanOutRun.Execute(warmUpHosts, options.Throttle, latency);
Console.WriteLine($"Warm-up: {warmUpHosts} hosts, not counted.");

long managedBefore = GC.GetTotalMemory(forceFullCollection: true);
TimeSpan processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
FanOutRun run = FanOutRun.Execute(options.Hosts, options.Throttle, latency);
TimeSpan processorTime = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
long managedHeld = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
double stateMegabytes = managedHeld / (1024.0 * 1024.0);
double workingSetMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
int succeededCount = run.Facts.Count;
bool allSucceeded = succeededCount == options.Hosts;
GC.KeepAlive(run.Facts);

// The ideal uses the round trips that most hosts needed, which is what the collector's structure costs.
// A host whose operations were issued late, because its thread was held up for longer than the latency,
// shows a longer path. That delay stays in the wall time, so it counts against the ratio. The
// maximum is reported and checked against the round-trip target.
int roundTrips = run.Statistics.MaximumRoundTrips;
int typicalRoundTrips = run.Statistics.TypicalRoundTrips;
int waves = (options.Hosts + options.Throttle - 1) / options.Throttle;
double idealMilliseconds = (double)waves * typicalRoundTrips * options.LatencyMilliseconds;
double wallMilliseconds = run.WallTime.TotalMilliseconds;
double ratio = wallMilliseconds / idealMilliseconds;

Console.WriteLine();
Console.WriteLine("Fan-out run");
Console.WriteLine($"  hosts succeeded / failed:       {succeededCount} / {run.FailedCount}");
if (run.FirstError is not null)
{
    Console.WriteLine($"  first failure:                  {run.FirstError}");
}

Console.WriteLine($"  CIM operations:                 {run.Statistics.OperationCount} ({(double)run.Statistics.OperationCount / Math.Max(1, run.Statistics.HostCount):0.#} per host)");
string distribution = string.Join(", ", run.Statistics.HostsByRoundTrips.Select(entry => $"{entry.Value} hosts with {entry.Key}"));
Console.WriteLine($"  round trips on critical path:   {roundTrips} at most, {typicalRoundTrips} typical ({distribution})");
Console.WriteLine($"  maximum issue spread:           {run.Statistics.MaximumIssueSpread.TotalMilliseconds:0.0} ms between a host's first and last request");
Console.WriteLine($"  wall time:                      {wallMilliseconds:0} ms");
Console.WriteLine($"  ideal time:                     {idealMilliseconds:0} ms = ceil({options.Hosts}/{options.Throttle}) x {typicalRoundTrips} x {options.LatencyMilliseconds} ms");
Console.WriteLine($"  wall / ideal:                   {ratio:0.000}");
Console.WriteLine($"  mean time per host:             {run.MeanHostTime.TotalMilliseconds:0.0} ms (from start of its work to its result)");

// With every slot busy, a slot runs hosts/throttle hosts one after another, so this ratio near 1 means
// the engine adds little between one host's end and the next host's start.
double slotRatio = wallMilliseconds / ((double)options.Hosts / options.Throttle * run.MeanHostTime.TotalMilliseconds);
Console.WriteLine($"  wall / (hosts/throttle x mean): {slotRatio:0.000} (time the engine adds between hosts)");
Console.WriteLine($"  processor time:                 {processorTime.TotalMilliseconds:0} ms on {Environment.ProcessorCount} processors ({processorTime.TotalMilliseconds / options.Hosts:0.00} ms per host)");
Console.WriteLine($"  managed memory held by results: {stateMegabytes:0.0} MB for {succeededCount} MachineFacts (GC.GetTotalMemory after minus before, full collections)");
Console.WriteLine($"  process peak working set:       {workingSetMegabytes:0.0} MB (whole process, runtime included)");

// Release the results, so that the baseline does not run with every host's facts on the heap.
run = null!;
GC.Collect();

int baselineHosts = Math.Min(options.BaselineHosts, options.Hosts);
FanOutRun baseline = FanOutRun.Execute(baselineHosts, throttleLimit: 1, latency);
double baselineMilliseconds = baseline.WallTime.TotalMilliseconds;
double extrapolatedMilliseconds = baselineMilliseconds * options.Hosts / baselineHosts;
double speedUp = extrapolatedMilliseconds / wallMilliseconds;

Console.WriteLine();
Console.WriteLine("One host at a time (throttle limit 1)");
Console.WriteLine($"  measured:                       {baselineMilliseconds:0} ms for {baselineHosts} hosts ({baseline.FailedCount} failed)");
Console.WriteLine($"  extrapolated linearly:          {extrapolatedMilliseconds:0} ms for {options.Hosts} hosts (an estimate, not a measurement)");
Console.WriteLine($"  speed-up of the fan-out:        {speedUp:0.0}x");

bool ratioMet = ratio <= MaximumRatio;
bool roundTripsMet = roundTrips <= MaximumRoundTrips;
bool memoryMet = stateMegabytes * 1000 / Math.Max(1, succeededCount) <= MaximumStateMegabytes;

Console.WriteLine();
Console.WriteLine("Targets");
Console.WriteLine($"  wall / ideal <= {MaximumRatio}:          {(ratioMet ? "met" : "MISSED")} ({ratio:0.000})");
Console.WriteLine($"  round trips <= {MaximumRoundTrips}:             {(roundTripsMet ? "met" : "MISSED")} ({roundTrips})");
Console.WriteLine($"  <= {MaximumStateMegabytes} MB per 1,000 host states: {(memoryMet ? "met" : "MISSED")} ({stateMegabytes * 1000 / Math.Max(1, succeededCount):0.0} MB per 1,000)");
Console.WriteLine($"  every host succeeded:           {(allSucceeded ? "yes" : "NO")}");

Console.WriteLine();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"RESULT hosts={options.Hosts} throttle={options.Throttle} latencyMs={options.LatencyMilliseconds} wallMs={wallMilliseconds:0} idealMs={idealMilliseconds:0} ratio={ratio:0.000} roundtrips={roundTrips} typicalRoundtrips={typicalRoundTrips} peakMB={stateMegabytes:0.0} workingSetMB={workingSetMegabytes:0.0} baselineHosts={baselineHosts} baselineMs={baselineMilliseconds:0} extrapolatedBaselineMs={extrapolatedMilliseconds:0} speedup={speedUp:0.0} failed={options.Hosts - succeededCount} targetsMet={(ratioMet && roundTripsMet && memoryMet && allSucceeded).ToString().ToLowerInvariant()}"));
return 0;
