using System;
using System.Globalization;

namespace CloudProtection.Benchmarks;

/// <summary>The command-line options of the benchmark.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage =
        "Usage: CloudProtection.Benchmarks [--hosts N] [--throttle T] [--latency-ms L] [--baseline-hosts B]\n" +
        "  --hosts N           simulated hosts in the fan-out run (default 1000)\n" +
        "  --throttle T        targets run at once, 1 to 1000 (default 32)\n" +
        "  --latency-ms L      milliseconds each simulated CIM operation takes (default 50)\n" +
        "  --baseline-hosts B  hosts in the one-at-a-time run, extrapolated to N (default 20)";

    public int Hosts { get; private set; } = 1000;

    public int Throttle { get; private set; } = 32;

    public int LatencyMilliseconds { get; private set; } = 50;

    public int BaselineHosts { get; private set; } = 20;

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or its value is not a positive integer.</exception>
    public static BenchmarkOptions Parse(string[] arguments)
    {
        var options = new BenchmarkOptions();
        for (int index = 0; index < arguments.Length; index++)
        {
            string name = arguments[index];
            if (index + 1 >= arguments.Length)
            {
                throw new ArgumentException($"The option '{name}' is missing its value.");
            }

            int value = ParsePositive(name, arguments[++index]);
            switch (name)
            {
                case "--hosts":
                    options.Hosts = value;
                    break;
                case "--throttle":
                    options.Throttle = value;
                    break;
                case "--latency-ms":
                    options.LatencyMilliseconds = value;
                    break;
                case "--baseline-hosts":
                    options.BaselineHosts = value;
                    break;
                default:
                    throw new ArgumentException($"The option '{name}' is unknown.");
            }
        }

        return options;
    }

    private static int ParsePositive(string name, string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            throw new ArgumentException($"The value '{text}' of '{name}' is invalid. Give a positive integer.");
        }

        return value;
    }
}
