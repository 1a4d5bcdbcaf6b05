using System;
using System.Collections.Generic;
using Opper.Models;

namespace Opper;

// Building: timing, owners of ids, parents and cycles. The children, the walk and self time
// follow in SpanTree.Children.cs.
public sealed partial class SpanTree
{
    // Spans are read in blocks of this many (see ReadSpans).
    private const int BlockSize = 1024;

    private void Build()
    {
        // 2. Timing, id owners and parents, in one pass in input order.
        List<int>? pending = ReadSpans();

        // 3. Parents that come later in the input; orphans name a parent id that no span owns.
        int[] parent = _parent;
        if (pending is not null)
        {
            foreach (int k in pending)
            {
                if (_owners.TryGetValue(_spans[k].ParentId!, out int p))
                {
                    parent[k] = p;
                }
                else
                {
                    _flags[k] |= OrphanFlag;
                }
            }
        }

        // 4. Parent cycles, each cut at its first span.
        Dictionary<int, int>? cycleOf = CutCycles(out List<int[]> cycles);

        // 5. and 6. Children in order, walk order, depth, subtree sizes, self time.
        int[] roots = ArrangeChildren();
        MaxDepth = WalkInOrder(roots);

        // 7. Problems, in input order of the first span involved, then kind order.
        List<SpanNode> orphans = CollectProblems(cycleOf, cycles, out List<TraceProblem> problems);

        Roots = new NodeList(this, roots, 0, roots.Length);
        Orphans = orphans.AsReadOnly();
        Problems = problems.AsReadOnly();
    }

    /// <summary>
    /// Timing; id owners (the first span with an id owns it, later uses are counted); parents,
    /// looked up at once when their span came earlier (the common case, and then its index entry
    /// is still in cache). Returns the spans whose parent is not among the spans before them.
    /// </summary>
    /// <remarks>
    /// A million spans and their id strings lie scattered over a large heap, and the time goes to
    /// waiting for memory. So the spans are read in blocks, in three steps that each leave the
    /// next one only independent reads: the span objects (timing, and the references to the two
    /// ids), then the ids' hashes (their strings' addresses are known), then the index (the
    /// table slots are known). The processor then fetches for many spans at once instead of one
    /// span object, then its strings, then a slot, one span after another: about 3 times faster
    /// at a million spans.
    /// </remarks>
    private List<int>? ReadSpans()
    {
        int n = _spans.Length;
        int[] parent = _parent;
        SpanIdIndex owners = _owners;
        var ids = new string?[BlockSize];
        var parentIds = new string?[BlockSize];
        var idHashes = new ulong[BlockSize];
        var parentHashes = new ulong[BlockSize];
        List<int>? pending = null;
        for (int from = 0; from < n; from += BlockSize)
        {
            int count = Math.Min(BlockSize, n - from);
            for (int i = 0; i < count; i++)
            {
                SpanSchema span = _spans[from + i];
                ReadTiming(from + i, span);
                ids[i] = span.Id;
                parentIds[i] = span.ParentId;
            }

            for (int i = 0; i < count; i++)
            {
                idHashes[i] = IsNullOrEmpty(ids[i]) ? 0 : SpanIdIndex.Hash(ids[i]!);
                parentHashes[i] = IsNullOrEmpty(parentIds[i]) ? 0 : SpanIdIndex.Hash(parentIds[i]!);
            }

            for (int i = 0; i < count; i++)
            {
                int k = from + i;
                string? id = ids[i];
                if (IsNullOrEmpty(id))
                {
                    _flags[k] |= MissingIdFlag;
                }
                else if (!owners.TryAdd(id!, idHashes[i], k, out int owner))
                {
                    _duplicateUses ??= new Dictionary<int, int>();
                    _duplicateUses[owner] = (_duplicateUses.TryGetValue(owner, out int uses) ? uses : 1) + 1;
                }

                parent[k] = -1;
                string? parentId = parentIds[i];
                if (!IsNullOrEmpty(parentId))
                {
                    if (owners.TryGetValue(parentId!, parentHashes[i], out int p))
                    {
                        parent[k] = p;
                    }
                    else
                    {
                        (pending ??= new List<int>()).Add(k);
                    }
                }
            }
        }

        return pending;
    }

    /// <summary>A span's duration, start and interval into the arrays, and the flags they set.</summary>
    private void ReadTiming(int k, SpanSchema span)
    {
        long? duration = SpanTiming.Duration(span, out SpanTiming.DurationSource source);
        byte flags = source switch
        {
            SpanTiming.DurationSource.NegativeReported => NegativeDurationFlag,
            SpanTiming.DurationSource.EndBeforeStart => EndBeforeStartFlag,
            _ => 0,
        };

        if (duration.HasValue)
        {
            _duration[k] = duration.Value;
            flags |= HasDurationFlag;
        }

        _startTicks[k] = long.MaxValue;
        if (span.StartTime is { } start)
        {
            long startTicks = start.UtcTicks;
            _startTicks[k] = startTicks;
            _startOffsetMinutes[k] = (short)(start.Offset.Ticks / TimeSpan.TicksPerMinute);
            flags |= HasStartFlag;
            if (duration.HasValue)
            {
                _endTicks[k] = SpanTiming.EndTicks(startTicks, duration.Value);
                flags |= HasIntervalFlag;
            }
        }

        _flags[k] = flags;
    }

    /// <summary>
    /// Cuts every parent cycle at its first span (input order), which becomes a root; returns
    /// the cycle each cut span belongs to (null when there is none) and the cycles' members.
    /// </summary>
    /// <remarks>
    /// Every node has at most one parent, so following parents from each unvisited node either
    /// ends, reaches a finished node, or closes a loop on the current path. Each node is visited
    /// once: linear, no recursion. A cycle has a member whose parent comes at or after it in the
    /// input (around a loop the positions cannot only fall), so only such spans start a search:
    /// none at all when every parent comes first. _depth and _walkPosition serve as the visit
    /// state and the path positions until the walk fills them.
    /// </remarks>
    private Dictionary<int, int>? CutCycles(out List<int[]> cycles)
    {
        int n = _spans.Length;
        int[] parent = _parent;
        Dictionary<int, int>? cycleOf = null;
        cycles = new List<int[]>();
        int[] state = _depth; // 0 = unvisited, 1 = on the current path, 2 = done
        int[] pathPos = _walkPosition;
        List<int>? path = null;
        for (int k = 0; k < n; k++)
        {
            if (parent[k] < k || state[k] != 0)
            {
                continue;
            }

            path ??= new List<int>();
            path.Clear();
            int j = k;
            while (j >= 0 && state[j] == 0)
            {
                state[j] = 1;
                pathPos[j] = path.Count;
                path.Add(j);
                j = parent[j];
            }

            if (j >= 0 && state[j] == 1)
            {
                // The loop is path[pathPos[j]..]; cut it at its first member in input order.
                int from = pathPos[j];
                var members = new int[path.Count - from];
                path.CopyTo(from, members, 0, members.Length);
                Array.Sort(members);
                int first = members[0];
                parent[first] = -1;
                (cycleOf ??= new Dictionary<int, int>())[first] = cycles.Count;
                cycles.Add(members);
            }

            for (int i = 0; i < path.Count; i++)
            {
                state[path[i]] = 2;
            }
        }

        return cycleOf;
    }
}
