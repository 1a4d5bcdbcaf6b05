using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Opper;
using Opper.Models;

namespace NetStandardConsumer
{
    /// <summary>A library that uses the SDK's netstandard2.0 surface.</summary>
    public static class TraceReport
    {
        public static async Task<string> DescribeAsync(OpperClient client, string traceId, CancellationToken cancellationToken)
        {
            GetTraceResponse trace = await client.Traces.GetAsync(traceId, cancellationToken).ConfigureAwait(false);
            SpanTree tree = trace.BuildTree();
            TraceSummary summary = trace.Summarize();
            IReadOnlyList<SpanNode> path = tree.CriticalPath();
            return $"{trace.Name}: {summary.SpanCount} spans, {summary.TotalTokens} tokens, {path.Count} on the critical path\n{tree.Render()}";
        }

        public static async Task<int> CountTracesAsync(OpperClient client, CancellationToken cancellationToken)
        {
            var count = 0;
            await foreach (ListTracesResponse item in client.Traces.ListAllAsync(pageSize: 50, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (item.Id.Length > 0)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
