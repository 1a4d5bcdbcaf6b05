using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Tests.Client;

/// <summary>
/// A buffered body read as text straight from its segments (no StreamReader in between): the same
/// characters StreamReader gives for the same bytes, whatever the segment edges and the caller's
/// buffer sizes; and the property names the readers keep for free-form JSON.
/// </summary>
[TestFixture]
public class ResponseTextTests
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Characters of one to four UTF-8 bytes, so that segment edges (16 KB, 32 KB, ...) fall inside them.</summary>
    private static string MixedText(int length)
    {
        var parts = new[] { "a", "é", "€", "😀", "\"", "漢" };
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(parts[(i * 7) % parts.Length]);
        }

        return text.ToString();
    }

    private static Task<OpperResponseBuffer> BufferAsync(byte[] bytes) =>
        OpperResponseBuffer.ReadAsync(new MemoryStream(bytes), long.MaxValue, announcedLength: null, CancellationToken.None);

    private static string StreamReaderText(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Lenient, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static string ReadAll(TextReader reader, int chunk)
    {
        var text = new StringBuilder();
        var buffer = new char[chunk];
        int read;
        while ((read = reader.Read(buffer, 0, chunk)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(1023)]
    [TestCase(65536)]
    public async Task Text_across_segment_edges_is_what_StreamReader_reads(int chunk)
    {
        var text = MixedText(120_000);
        using var buffer = await BufferAsync(Encoding.UTF8.GetBytes(text));

        using var reader = buffer.OpenText(release: false);

        Assert.That(ReadAll(reader, chunk), Is.EqualTo(text));
    }

    [Test]
    public async Task Read_and_Peek_one_character_at_a_time_give_the_same_text()
    {
        var text = MixedText(40_000);
        using var buffer = await BufferAsync(Encoding.UTF8.GetBytes(text));
        using var reader = buffer.OpenText(release: false);

        var read = new StringBuilder();
        while (reader.Peek() is var next and >= 0)
        {
            Assert.That(reader.Read(), Is.EqualTo(next));
            read.Append((char)next);
        }

        Assert.That(read.ToString(), Is.EqualTo(text));
        Assert.That(reader.Read(), Is.EqualTo(-1));
    }

    [TestCase(new byte[] { 0x41, 0xFF, 0x42 }, TestName = "Invalid byte")]
    [TestCase(new byte[] { 0x41, 0xE2, 0x82 }, TestName = "Sequence cut off by the end")]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80, 0x41 }, TestName = "Encoded surrogate")]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D }, TestName = "UTF-8 byte-order mark")]
    [TestCase(new byte[] { 0xEF, 0xBB }, TestName = "Half a byte-order mark")]
    [TestCase(new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00 }, TestName = "UTF-16 little-endian byte-order mark")]
    [TestCase(new byte[] { 0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D }, TestName = "UTF-16 big-endian byte-order mark")]
    public async Task Odd_bytes_decode_as_StreamReader_decodes_them(byte[] bytes)
    {
        using var buffer = await BufferAsync(bytes);
        using var reader = buffer.OpenText(release: false);

        Assert.That(ReadAll(reader, 16), Is.EqualTo(StreamReaderText(bytes)));
    }

    [Test]
    public async Task Invalid_bytes_at_a_segment_edge_decode_as_StreamReader_decodes_them()
    {
        // The first segment is 16 KB: a lone lead byte and a cut-off sequence sit on its edge.
        var bytes = Encoding.UTF8.GetBytes(new string('a', 16_382) + "€€ b");
        bytes[16_383] = 0xE2;
        bytes[16_384] = 0x41;
        using var buffer = await BufferAsync(bytes);
        using var reader = buffer.OpenText(release: false);

        Assert.That(ReadAll(reader, 4096), Is.EqualTo(StreamReaderText(bytes)));
    }

    [Test]
    public async Task Releasing_reader_hands_the_segments_back()
    {
        using var buffer = await BufferAsync(Encoding.UTF8.GetBytes(MixedText(50_000)));

        using (var reader = buffer.OpenText(release: true))
        {
            ReadAll(reader, 4096);
        }

        Assert.Throws<InvalidOperationException>(() => buffer.OpenText(release: false).ReadToEnd(), "the segments went back to the pool");
    }

    [Test]
    public async Task A_body_stream_is_read_as_the_same_JSON_as_a_memory_stream()
    {
        var json = "{\"a\":\"" + MixedText(70_000).Replace("\"", "\\\"", StringComparison.Ordinal) + "\",\"n\":[1,2.5,null,true]}";
        var bytes = Encoding.UTF8.GetBytes(json);
        using var buffer = await BufferAsync(bytes);

        var fromBody = OpperJson.Deserialize(buffer.OpenRead(release: true), OpperJson.ReadToken);
        var fromMemory = OpperJson.Deserialize(new MemoryStream(bytes), OpperJson.ReadToken);

        Assert.That(JToken.DeepEquals(fromBody, fromMemory), Is.True);
        Assert.That(fromBody!["a"]!.Value<string>(), Is.EqualTo(MixedText(70_000)));
    }

    [Test]
    public void Keys_of_free_form_JSON_are_read_once_and_shared_and_every_key_is_kept()
    {
        // 3,000 distinct keys (more than the cache holds, so slots are overwritten), some longer than
        // it keeps, each twice.
        var keys = Enumerable.Range(0, 3000).Select(i => i % 10 == 0 ? "a-key-longer-than-thirty-two-characters-" + i : "k" + i).ToList();
        var json = "[" + string.Join(",", Enumerable.Repeat("{" + string.Join(",", keys.Select((k, i) => $"\"{k}\":{i}")) + "}", 2)) + "]";

        var read = (JArray)OpperJson.Deserialize(json, OpperJson.ReadToken)!;

        var first = ((JObject)read[0]).Properties().ToList();
        var second = ((JObject)read[1]).Properties().ToList();
        Assert.That(first.Select(p => p.Name), Is.EqualTo(keys));
        Assert.That(second.Select(p => p.Name), Is.EqualTo(keys));
        Assert.That(first.Select(p => (long)p.Value), Is.EqualTo(Enumerable.Range(0, 3000).Select(i => (long)i)));

        // A short key met again is the same string: no new one per object.
        var shared = Enumerable.Range(0, 3000).Count(i => ReferenceEquals(first[i].Name, second[i].Name));
        Assert.That(shared, Is.GreaterThan(0));
        Assert.That(ReferenceEquals(((JObject)OpperJson.Deserialize("{\"vendor_zz\":1}", OpperJson.ReadToken)!).Properties().Single().Name,
            ((JObject)OpperJson.Deserialize("{\"vendor_zz\":2}", OpperJson.ReadToken)!).Properties().Single().Name), Is.True);
    }
}
