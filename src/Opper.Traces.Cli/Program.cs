using System.Threading.Tasks;

namespace Opper.Traces.Cli;

/// <summary>The entry point of <c>opper-traces</c>.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => OpperTracesCli.RunAsync(args, CliHost.FromConsole());
}
