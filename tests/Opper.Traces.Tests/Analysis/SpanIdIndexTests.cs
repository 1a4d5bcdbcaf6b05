using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Opper.Models;
using static Opper.Traces.Tests.Analysis.TraceFactory;

namespace Opper.Traces.Tests.Analysis;

/// <summary>Ids that are UUIDs take the fast path of the id index and still compare as strings do.</summary>
[TestFixture]
public class SpanIdIndexTests
{
    private const string Root = "7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37";
    private const string Child = "00000000-0000-0000-0000-000000000001";

    [Test]
    public void CanonicalLowercaseUuidsParseOthersDoNot()
    {
        Assert.That(SpanIdIndex.TryParse(Root, out ulong high, out ulong low), Is.True);
        Assert.That(high, Is.EqualTo(0x7f3e2a914c5d4b8eUL));
        Assert.That(low, Is.EqualTo(0x9a1f2d6c8e0b5a37UL));
        foreach (string other in new[] { Root.ToUpperInvariant(), "{" + Root + "}", Root.Replace("-", ""), Root + " ", Root.Replace('a', 'g'), Root.Replace('-', '_'), "", "r", Root.Replace('7', '\u0667') })
        {
            Assert.That(SpanIdIndex.TryParse(other, out _, out _), Is.False, other);
        }
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
