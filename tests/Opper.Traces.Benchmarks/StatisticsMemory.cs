using System;
using System.Collections.Generic;
using System.Globalization;

namespace Opper.Traces.Benchmarks;

/// <summary>
/// <c>-- stats-memory</c>: what folding many traces into <c>TraceStatistics</c> keeps alive. Traces
/// are made one at a time and dropped after they are folded in (as from <c>GetManyAsync</c>); every
/// 100 traces a full collection measures the live heap. The peak above the baseline is the
/// statistics' own state plus the one trace in hand.
/// </summary>
internal static class StatisticsMemory
{
    public static void Run()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var one = StatisticsBenchmarks.Trace(0, 100);
        long traceBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(one);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one trace of 100 spans (DTOs): {traceBytes / 1024.0:N0} KB live"));

        foreach (int count in new[] { 1_000, 10_000 })
        {
            long baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            IEnumerable<Models.GetTraceResponse> Traces()
            {
                for (int i = 0; i < count; i++)
                {
                    if (i % 100 == 99)
                    {
                        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                    }

                    yield return StatisticsBenchmarks.Trace(i, 100);
                }
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            TraceStatistics stats = TraceStatistics.From(Traces());
            watch.Stop();
            long retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count,7:N0} traces, {stats.SpanCount,10:N0} spans: peak live {peak / 1024.0,9:N0} KB ({(double)peak / stats.SpanCount:N1} bytes per span), "
                + $"result {retained / 1024.0:N0} KB, {watch.Elapsed.TotalSeconds:N1} s including generating the traces and the sampling GCs"));
            GC.KeepAlive(stats);
        }
    }
}
