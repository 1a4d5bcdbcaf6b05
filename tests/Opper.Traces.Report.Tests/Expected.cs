using System.Collections.Generic;
using System.Linq;
using Opper.Models;

namespace Opper.Traces.Report.Tests;

/// <summary>What the rows of a trace's report must be, from the analysis: walk order, depth, critical path, errors.</summary>
internal static class Expected
{
    public static List<(string Id, int Depth, bool Critical, bool Error, string Name)> Rows(GetTraceResponse trace)
    {
        SpanTree tree = trace.BuildTree();
        var critical = new HashSet<SpanNode>(tree.CriticalPath(), ReferenceEqualityComparer.Instance);
        return tree.Walk()
            .Select(n => (n.Span.Id ?? string.Empty, n.Depth, critical.Contains(n), !string.IsNullOrEmpty(n.Span.Error), n.Span.Name ?? string.Empty))
            .ToList();
    }
}
