using System;
using System.Collections.Generic;
using Opper.Models;

namespace Opper;

// Building: timing, owners of ids, parents, cycles, children in order, walk order, self time.
public sealed partial class SpanTree
{
    private void Build()
    {
        int n = _spans.Length;
        // 2. One pass in input order: timing; id owners (the first span with an id owns it,
        //    later uses are counted); parents, looked up at once when their span came earlier
        //    (the common case, and then its index entry is still in cache), else after the pass.
        int[] parent = _parent;
        SpanIdIndex owners = _owners;
        List<int>? pending = null;
        for (int k = 0; k < n; k++)
        {
            SpanSchema span = _spans[k];
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

            if (span.StartTime is { } start)
            {
                _start[k] = start;
                _startTicks[k] = start.UtcTicks;
                flags |= HasStartFlag;
                if (duration.HasValue)
                {
                    _endTicks[k] = SpanTiming.EndTicks(_startTicks[k], duration.Value);
                    flags |= HasIntervalFlag;
                }
            }

            string? id = span.Id;
            if (IsNullOrEmpty(id))
            {
                flags |= MissingIdFlag;
            }
            else if (!owners.TryAdd(id!, k, out int owner))
            {
                _duplicateUses ??= new Dictionary<int, int>();
                _duplicateUses[owner] = (_duplicateUses.TryGetValue(owner, out int uses) ? uses : 1) + 1;
            }

            _flags[k] = flags;
            parent[k] = -1;
            string? parentId = span.ParentId;
            if (!IsNullOrEmpty(parentId))
            {
                if (owners.TryGetValue(parentId!, out int p))
                {
                    parent[k] = p;
                }
                else
                {
                    (pending ??= new List<int>()).Add(k);
                }
            }
        }

        // 3. Parents that come later in the input; orphans name a parent id that no span owns.
        if (pending is not null)
        {
            foreach (int k in pending)
            {
                if (owners.TryGetValue(_spans[k].ParentId!, out int p))
                {
                    parent[k] = p;
                }
                else
                {
                    _flags[k] |= OrphanFlag;
                }
            }
        }

        // 4. Parent cycles. Every node has at most one parent, so following parents from each
        //    unvisited node (input order) either ends, reaches a finished node, or closes a loop
        //    on the current path. Each node is visited once: linear, no recursion.
        //    A cycle has a member whose parent comes at or after it in the input (around a loop
        //    the positions cannot only fall), so only such spans start a search: none at all when
        //    every parent comes first. _depth and _walkPosition serve as the visit state and the
        //    path positions until step 6 fills them.
        Dictionary<int, int>? cycleOf = null;
        var cycles = new List<int[]>();
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

        // 5. Children as one array in parent order (offsets per parent), filled in input order,
        //    then each run ordered by start time; the roots likewise.
        int rootCount = 0;
        for (int k = 0; k < n; k++)
        {
            if (parent[k] >= 0)
            {
                _childOffset[parent[k] + 1]++;
            }
            else
            {
                rootCount++;
                _flags[k] |= IsRootFlag;
            }
        }

        for (int k = 0; k < n; k++)
        {
            _childOffset[k + 1] += _childOffset[k];
        }

        int[] fill = _descendants; // zero until step 6, which clears it again
        var roots = new int[rootCount];
        rootCount = 0;
        for (int k = 0; k < n; k++)
        {
            int p = parent[k];
            if (p >= 0)
            {
                _childList[_childOffset[p] + fill[p]++] = k;
            }
            else
            {
                roots[rootCount++] = k;
            }
        }

        long[]? keys = null;
        for (int k = 0; k < n; k++)
        {
            if (_childOffset[k + 1] - _childOffset[k] > 1)
            {
                SortByStart(_childList, _childOffset[k], _childOffset[k + 1] - _childOffset[k], ref keys);
            }
        }

        SortByStart(roots, 0, roots.Length, ref keys);

        // 6. Walk order (pre-order with an explicit stack), depth, and subtree sizes. The stack
        //    lives at the end of _walk and grows down while the walk grows up: nodes walked plus
        //    nodes on the stack never exceed n, so the two never meet.
        int[] walk = _walk;
        int top = n;
        for (int r = roots.Length - 1; r >= 0; r--)
        {
            walk[--top] = roots[r];
        }

        int position = 0;
        int maxDepth = 0;
        while (top < n)
        {
            int node = walk[top++];
            int depth = parent[node] < 0 ? 0 : _depth[parent[node]] + 1;
            _depth[node] = depth;
            if (depth > maxDepth)
            {
                maxDepth = depth;
            }

            _walkPosition[node] = position;
            walk[position++] = node;
            for (int c = _childOffset[node + 1] - 1; c >= _childOffset[node]; c--)
            {
                walk[--top] = _childList[c];
            }
        }

        Array.Clear(_descendants, 0, n);

        // Pre-order lists every subtree contiguously, so sizes accumulate bottom-up in reverse.
        // Self time is computed here too, once, so that reading the tree needs no locking.
        for (int w = n - 1; w >= 0; w--)
        {
            int node = _walk[w];
            if (parent[node] >= 0)
            {
                _descendants[parent[node]] += _descendants[node] + 1;
            }

            _selfTime[node] = ComputeSelfTime(node);
        }

        // 7. Problems, in input order of the first span involved, then kind order.
        List<SpanNode> orphans = CollectProblems(cycleOf, cycles, out List<TraceProblem> problems);

        Roots = new NodeList(this, roots, 0, roots.Length);
        Orphans = orphans.AsReadOnly();
        Problems = problems.AsReadOnly();
        MaxDepth = maxDepth;
    }

    /// <summary>
    /// Orders positions[offset..offset+count) by start time (unknown last), ties in input order.
    /// Input order is position order, and the runs arrive in it, so an ordered run is left as it is.
    /// </summary>
    private void SortByStart(int[] positions, int offset, int count, ref long[]? keys)
    {
        bool ordered = true;
        long previous = long.MinValue;
        for (int i = 0; i < count; i++)
        {
            int p = positions[offset + i];
            long key = (_flags[p] & HasStartFlag) != 0 ? _startTicks[p] : long.MaxValue;
            if (key < previous)
            {
                ordered = false;
                break;
            }

            previous = key;
        }

        if (ordered)
        {
            return;
        }

        keys ??= new long[positions.Length];
        for (int i = 0; i < count; i++)
        {
            int p = positions[offset + i];
            keys[offset + i] = (_flags[p] & HasStartFlag) != 0 ? _startTicks[p] : long.MaxValue;
        }

        Array.Sort(keys, positions, offset, count);

        // The sort is not stable: restore input order within runs of equal start times.
        int runStart = offset;
        for (int i = offset + 1; i <= offset + count; i++)
        {
            if (i == offset + count || keys[i] != keys[runStart])
            {
                if (i - runStart > 1)
                {
                    Array.Sort(positions, runStart, i - runStart);
                }

                runStart = i;
            }
        }
    }

    private double ComputeSelfTime(int node)
    {
        if ((_flags[node] & HasIntervalFlag) == 0)
        {
            return double.NaN;
        }

        // Children are ordered by start and those with an interval all have a start, so they
        // arrive in non-decreasing start order; clipping to [start, end] keeps that order.
        long start = _startTicks[node];
        long end = _endTicks[node];
        var union = default(SpanTiming.UnionBuilder);
        for (int c = _childOffset[node]; c < _childOffset[node + 1]; c++)
        {
            int child = _childList[c];
            if ((_flags[child] & HasIntervalFlag) == 0)
            {
                continue;
            }

            long lo = _startTicks[child] < start ? start : _startTicks[child];
            long hi = _endTicks[child] > end ? end : _endTicks[child];
            union.Add(lo, hi);
        }

        long self = (end - start) - union.Length;
        return self > 0 ? SpanTiming.TicksToMs(self) : 0d;
    }
}
