using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

/// <summary>The id index answers as an ordinal string dictionary would, for UUIDs and every other id.</summary>
[TestFixture]
public class SpanIdIndexTests
{
    private const string Root = "7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37";
    private const string Child = "00000000-0000-0000-0000-000000000001";

    [Test]
    public void IdsOfEveryShapeAreFoundAsTheyWereAdded()
    {
        // Lengths around the four characters hashed at a time, non-ASCII, ids that differ in one
        // character only, and a prefix of another id.
        string[] ids =
        {
            "r", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi", Root, Root.ToUpperInvariant(), Root + " ",
            Root.Substring(0, 35), Root.Replace('7', '\u0667'), "\u00e9t\u00e9", "\ud83d\ude00", new string('x', 1000), new string('x', 1001),
        };
        var index = new SpanIdIndex(ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.That(index.TryAdd(ids[i], i, out int owner), Is.True, ids[i]);
            Assert.That(owner, Is.EqualTo(i));
        }

        for (int i = 0; i < ids.Length; i++)
        {
            Assert.That(index.TryGetValue(new string(ids[i].ToCharArray()), out int position), Is.True, ids[i]);
            Assert.That(position, Is.EqualTo(i), ids[i]);
            Assert.That(index.TryAdd(ids[i], i, out int owner), Is.False, ids[i]);
            Assert.That(owner, Is.EqualTo(i));
        }

        Assert.That(index.TryGetValue("abcdefg", out _), Is.False);
        Assert.That(index.TryGetValue(Root.Replace('a', 'b'), out _), Is.False);
    }

    [Test]
    public void EqualIdsHashEquallyAndOneCharacterChangesTheHash()
    {
        Assert.That(SpanIdIndex.Hash(new string(Root.ToCharArray())), Is.EqualTo(SpanIdIndex.Hash(Root)));
        var hashes = new HashSet<ulong>();
        for (int i = 0; i < Root.Length; i++)
        {
            char[] chars = Root.ToCharArray();
            chars[i] = chars[i] == 'f' ? 'e' : 'f';
            Assert.That(hashes.Add(SpanIdIndex.Hash(new string(chars))), Is.True, "position " + i);
        }

        Assert.That(hashes, Does.Not.Contain(SpanIdIndex.Hash(Root)));
    }

    [Test]
    public void UppercaseUuidIsAnotherId()
    {
        SpanTree tree = Tree(
            Span(Root, start: 0, duration: 10),
            Span(Child, Root.ToUpperInvariant(), start: 1, duration: 2),
            Span(Root.ToUpperInvariant(), Root, start: 2, duration: 3));
        Assert.That(tree.Find(Root)!.Index, Is.EqualTo(0));
        Assert.That(tree.Find(Root.ToUpperInvariant())!.Index, Is.EqualTo(2));
        Assert.That(tree.Find(Child)!.Parent!.Index, Is.EqualTo(2));
        Assert.That(tree.Problems, Is.Empty);
        Assert.That(tree.Find("7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a38"), Is.Null);
    }

    [Test]
    public void DuplicateUuidsAndParentsThatComeLater()
    {
        SpanTree tree = Tree(
            Span(Child, Root, start: 5, duration: 1),
            Span(Root, start: 0, duration: 10),
            Span(Root, start: 1, duration: 1),
            Span(Child, "ffffffff-ffff-ffff-ffff-ffffffffffff", start: 2, duration: 1));
        Assert.That(tree.Find(Child)!.Index, Is.EqualTo(0));
        Assert.That(tree.Find(Child)!.Parent!.Index, Is.EqualTo(1));
        Assert.That(tree.Problems.Select(p => p.Kind), Is.EqualTo(new[] { TraceProblemKind.DuplicateId, TraceProblemKind.DuplicateId, TraceProblemKind.Orphan }));
        Assert.That(tree.Problems[0].Message, Does.Contain("used by 2 spans"));
    }

    [Test]
    public void ManyUuidsMatchAStringDictionary()
    {
        // Random ids, some repeated, some counting up from zero (the worst case for a weak hash).
        var rng = new Random(11);
        var ids = new List<string>();
        for (int i = 0; i < 20000; i++)
        {
            ids.Add(i % 3 == 0 ? new Guid(i, 0, 0, new byte[8]).ToString() : i % 7 == 0 && ids.Count > 0 ? ids[rng.Next(ids.Count)] : Guid.NewGuid().ToString());
        }

        var spans = ids.Select((id, i) => Span(id, i == 0 ? null : ids[rng.Next(i)])).ToArray();
        SpanTree tree = Tree(spans);
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ids.Count; i++)
        {
            owners.TryAdd(ids[i], i);
        }

        foreach (KeyValuePair<string, int> owner in owners)
        {
            Assert.That(tree.Find(owner.Key)!.Index, Is.EqualTo(owner.Value));
        }

        foreach (SpanNode node in tree.Walk().Where(n => n.Parent is not null))
        {
            Assert.That(node.Parent!.Index, Is.EqualTo(owners[node.Span.ParentId!]));
        }

        Assert.That(tree.Problems.Count(p => p.Kind == TraceProblemKind.DuplicateId), Is.EqualTo(ids.GroupBy(x => x).Count(g => g.Count() > 1)));
    }
}
