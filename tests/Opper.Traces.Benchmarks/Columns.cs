using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Opper.Traces.Benchmarks;

/// <summary>The JSON payload a benchmark case reads: its <c>Spans</c> parameter, or the end-to-end trace.</summary>
internal static class Payload
{
    public static long? Bytes(BenchmarkCase benchmarkCase)
    {
        var type = benchmarkCase.Descriptor.Type;
        if (type == typeof(DeserializeBenchmarks))
        {
            var spans = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(DeserializeBenchmarks.Spans))?.Value;
            return spans is int count ? TraceGenerator.Size(count) : null;
        }

        if (type == typeof(OtlpBenchmarks))
        {
            var shape = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(OtlpBenchmarks.Shape))?.Value;
            return shape is string name ? OtlpBenchmarks.OutputSize(name) : null;
        }

        return type == typeof(EndToEndBenchmarks) ? TraceGenerator.Size(EndToEndBenchmarks.Spans) : null;
    }

    public static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
}

/// <summary>MB/s: the payload size over the mean time.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Payload megabytes (2^20 bytes) read per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var bytes = Payload.Bytes(benchmarkCase);
        return mean is > 0 && bytes is { } size
            ? (Payload.Megabytes(size) / (mean.Value / 1e9)).ToString("N1", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Payload.Bytes(c) is not null);
}

/// <summary>Bytes allocated per megabyte of payload.</summary>
internal sealed class AllocatedPerMegabyteColumn : IColumn
{
    public string Id => nameof(AllocatedPerMegabyteColumn);

    public string ColumnName => "Alloc/MB";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Megabytes allocated per megabyte of payload";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var allocated = summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        var bytes = Payload.Bytes(benchmarkCase);
        return allocated is { } total && bytes is { } size
            ? (total / (double)size).ToString("N2", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Payload.Bytes(c) is not null);
}
