using System;
using System.Linq;
using NUnit.Framework;

namespace Opper.Traces.Tests.Analysis;

/// <summary>Percentiles by selection equal those of a full sort; exact sums stay exact past the range of long.</summary>
[TestFixture]
public class SelectionTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void SelectionMatchesSorting(int seed)
    {
        var rng = new Random(seed);
        for (int t = 0; t < 2000; t++)
        {
            int n = rng.Next(1, 300);
            int range = rng.Next(1, 5) switch { 1 => 3, 2 => 50, 3 => 100000, _ => int.MaxValue };
            long[] values = Enumerable.Range(0, n).Select(_ => (long)rng.Next(range) - (range / 2)).ToArray();
            switch (t % 4)
            {
                case 1:
                    Array.Sort(values);
                    break;
                case 2:
                    Array.Sort(values);
                    Array.Reverse(values);
                    break;
            }

            long[] sorted = values.OrderBy(v => v).ToArray();
            int r50 = Percentiles.Rank(n, 50) - 1;
            int r95 = Percentiles.Rank(n, 95) - 1;
            int r99 = Percentiles.Rank(n, 99) - 1;
            Assert.That(Percentiles.Select(values, 0, n, r50), Is.EqualTo(sorted[r50]));
            Assert.That(Percentiles.Select(values, r50, n, r95), Is.EqualTo(sorted[r95]));
            Assert.That(Percentiles.Select(values, r95, n, r99), Is.EqualTo(sorted[r99]));
            Assert.That(values.OrderBy(v => v), Is.EqualTo(sorted), "selection only moves values");
        }
    }

    [Test]
    public void RanksAreNearestRank()
    {
        Assert.That(Percentiles.Rank(20, 95), Is.EqualTo(19));
        Assert.That(Percentiles.Rank(1, 50), Is.EqualTo(1));
        Assert.That(Percentiles.Rank(3, 50), Is.EqualTo(2));
        Assert.That(Percentiles.Rank(100, 99), Is.EqualTo(99));
    }

    [Test]
    public void ExactSumCarriesPastLong()
    {
        var sum = default(ExactSum);
        sum.Add(long.MaxValue);
        sum.Add(long.MaxValue);
        sum.Add(long.MaxValue);
        Assert.That(sum.Mean(3), Is.EqualTo((double)long.MaxValue));

        var mixed = default(ExactSum);
        mixed.Add(long.MinValue);
        mixed.Add(long.MinValue);
        mixed.Add(10);
        Assert.That(mixed.Mean(3), Is.EqualTo((double)(((decimal)long.MinValue * 2 + 10) / 3)));
    }

    [Test]
    public void AverageOfHugeDurationsIsExact()
    {
        var trace = TraceFactory.Trace(
            TraceFactory.Span("a", duration: long.MaxValue, type: "call"),
            TraceFactory.Span("b", duration: long.MaxValue - 1, type: "call"));
        DurationStats stats = trace.Summarize().ByType["call"];
        Assert.That(stats.AverageDurationMs, Is.EqualTo((double)(((decimal)long.MaxValue * 2 - 1) / 2)));
        Assert.That(stats.TotalDurationMs, Is.EqualTo(long.MaxValue));
        Assert.That(stats.P50DurationMs, Is.EqualTo(long.MaxValue - 1));
        Assert.That(trace.Summarize().AverageCallDurationMs, Is.EqualTo(stats.AverageDurationMs));
    }
}
