using System;
using System.Collections;
using System.Collections.Generic;

namespace Opper;

public sealed partial class SpanTree
{
    /// <summary>A read-only list of nodes over a run of positions (like ReadOnlyCollection, IList included).</summary>
    private sealed class NodeList : IReadOnlyList<SpanNode>, IList<SpanNode>
    {
        private readonly SpanTree _tree;
        private readonly int[] _positions;
        private readonly int _offset;

        public NodeList(SpanTree tree, int[] positions, int offset, int count)
        {
            _tree = tree;
            _positions = positions;
            _offset = offset;
            Count = count;
        }

        public int Count { get; }

        public SpanNode this[int index] =>
            (uint)index < (uint)Count ? _tree.NodeAt(_positions[_offset + index]) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<SpanNode> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return _tree.NodeAt(_positions[_offset + i]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool IsReadOnly => true;

        SpanNode IList<SpanNode>.this[int index]
        {
            get => this[index];
            set => throw ReadOnly();
        }

        public int IndexOf(SpanNode item)
        {
            for (int i = 0; i < Count; i++)
            {
                if (ReferenceEquals(_tree.NodeAt(_positions[_offset + i]), item))
                {
                    return i;
                }
            }

            return -1;
        }

        public bool Contains(SpanNode item) => IndexOf(item) >= 0;

        public void CopyTo(SpanNode[] array, int arrayIndex)
        {
            for (int i = 0; i < Count; i++)
            {
                array[arrayIndex + i] = this[i];
            }
        }

        public void Add(SpanNode item) => throw ReadOnly();

        public void Clear() => throw ReadOnly();

        public void Insert(int index, SpanNode item) => throw ReadOnly();

        public bool Remove(SpanNode item) => throw ReadOnly();

        public void RemoveAt(int index) => throw ReadOnly();

        private static NotSupportedException ReadOnly() => new("The list is read-only.");
    }
}
