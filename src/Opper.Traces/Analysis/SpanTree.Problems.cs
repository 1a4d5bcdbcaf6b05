using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Opper.Models;

namespace Opper;

// The data problems found while building, with their readable messages.
public sealed partial class SpanTree
{
    /// <summary>The orphans, and the problems in input order of the first span involved, then kind order.</summary>
    private List<SpanNode> CollectProblems(Dictionary<int, int>? cycleOf, List<int[]> cycles, out List<TraceProblem> problems)
    {
        int n = _spans.Length;
        problems = new List<TraceProblem>();
        var orphans = new List<SpanNode>();
        for (int k = 0; k < n; k++)
        {
            // Most spans have no problem: decide that from the flags, without reading the span.
            if ((_flags[k] & ProblemFlags) == 0 && cycleOf is null && _duplicateUses is null)
            {
                continue;
            }

            SpanSchema span = _spans[k];
            if ((_flags[k] & OrphanFlag) != 0)
            {
                orphans.Add(NodeAt(k));
                problems.Add(new TraceProblem(
                    TraceProblemKind.Orphan,
                    IdsOf(span),
                    Describe(k) + " names parent '" + Clean(span.ParentId) + "', which is not in the trace."));
            }

            if (cycleOf is not null && cycleOf.TryGetValue(k, out int cycle))
            {
                problems.Add(CycleProblem(cycles[cycle]));
            }

            if (_duplicateUses is not null && _duplicateUses.TryGetValue(k, out int uses))
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.DuplicateId,
                    new[] { span.Id! },
                    "Span id '" + Clean(span.Id) + "' is used by " + Format(uses) + " spans; the first (index " +
                    Format(InputIndexOf(k)) + ", " + DisplayName(span.Name) +
                    ") owns it and the others are placed by their own parent_id."));
            }

            if ((_flags[k] & MissingIdFlag) != 0)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.MissingId,
                    Array.Empty<string>(),
                    "Span at index " + Format(InputIndexOf(k)) + " (" + DisplayName(span.Name) +
                    ") has no id; no span can name it as parent."));
            }

            if ((_flags[k] & NegativeDurationFlag) != 0)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.InvalidDuration,
                    IdsOf(span),
                    Describe(k) + " has a negative duration_ms (" + Format(span.DurationMs.GetValueOrDefault()) +
                    "); its duration is unknown."));
            }
            else if ((_flags[k] & EndBeforeStartFlag) != 0)
            {
                problems.Add(new TraceProblem(
                    TraceProblemKind.InvalidDuration,
                    IdsOf(span),
                    Describe(k) + " ends before it starts (end_time " +
                    span.EndTime.GetValueOrDefault().ToString("o", CultureInfo.InvariantCulture) + " < start_time " +
                    span.StartTime.GetValueOrDefault().ToString("o", CultureInfo.InvariantCulture) +
                    "); its duration is unknown."));
            }
        }

        return orphans;
    }

    private static string[] IdsOf(SpanSchema span) =>
        IsNullOrEmpty(span.Id) ? Array.Empty<string>() : new[] { span.Id! };

    private string Describe(int position)
    {
        SpanSchema span = _spans[position];
        return (IsNullOrEmpty(span.Id) ? "Span at index " + Format(InputIndexOf(position)) : "Span '" + Clean(span.Id) + "'") +
            " (" + DisplayName(span.Name) + ")";
    }

    private TraceProblem CycleProblem(int[] members)
    {
        var ids = new string[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            ids[i] = _spans[members[i]].Id ?? string.Empty;
        }

        int first = members[0];
        string message;
        if (members.Length == 1)
        {
            message = Describe(first) + " names itself as parent; the link was cut and it was made a root.";
        }
        else
        {
            var text = new StringBuilder("Spans ");
            int shown = Math.Min(members.Length, MaxIdsInMessage);
            for (int i = 0; i < shown; i++)
            {
                text.Append(i == 0 ? "'" : ", '").Append(Clean(ids[i])).Append('\'');
            }

            if (members.Length > shown)
            {
                text.Append(" and ").Append(Format(members.Length - shown)).Append(" more");
            }

            text.Append(" form a parent cycle; the link from ").Append(Describe(first))
                .Append(" to its parent '").Append(Clean(_spans[first].ParentId))
                .Append("' was cut and it was made a root.");
            message = text.ToString();
        }

        return new TraceProblem(TraceProblemKind.Cycle, ids, message);
    }
}
