using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>
/// A response over <c>MaxResponseBytes</c> ends the call with an <see cref="InvalidDataException"/>
/// (the type is sealed, so no client type can derive from it) that
/// <see cref="OpperResponseTooLarge"/> recognises and whose <c>Data</c> holds the figures.
/// The real-server cases (endless, compressed) are in <c>Reliability.ResponseSizeTests</c>.
/// </summary>
[TestFixture]
public class ResponseTooLargeTests
{
    private const long Limit = 4096;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"t-1\",\"spans\":[]" + new string(' ', 10_000) + "}");

    [Test]
    public void A_content_length_over_the_limit_is_refused_with_nothing_read()
    {
        using var api = new MockApi(o => o.MaxResponseBytes = Limit);
        var body = new Unseekable(Body);
        api.Reply(() => Response(new StreamContent(body) { Headers = { ContentLength = Body.Length } }));

        var ex = Assert.ThrowsAsync<InvalidDataException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        TooLarge.AssertRefused(ex, Limit, bytesRead: 0, contentLength: Body.Length);
        Assert.That(body.BytesRead, Is.Zero, "refused on the announced length alone");
        Assert.That(api.Sent, Has.Count.EqualTo(1), "not retried");
    }

    [Test]
    public void A_body_without_content_length_is_refused_one_byte_past_the_limit()
    {
        using var api = new MockApi(o => o.MaxResponseBytes = Limit);
        var body = new Unseekable(Body);
        api.Reply(() => Response(new StreamContent(body)));

        var ex = Assert.ThrowsAsync<InvalidDataException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        TooLarge.AssertRefused(ex, Limit, bytesRead: Limit + 1, contentLength: null);
        Assert.That(body.BytesRead, Is.EqualTo(Limit + 1));
        Assert.That(api.Sent, Has.Count.EqualTo(1), "not retried");
    }

    [Test]
    public async Task The_refusal_is_caught_by_the_documented_filter_and_by_existing_catch_blocks()
    {
        using var api = new MockApi(o => o.MaxResponseBytes = Limit);
        api.Reply(() => Response(new StreamContent(new Unseekable(Body))));
        api.Reply(() => Response(new StreamContent(new Unseekable(Body))));

        long? limit = null;
        try
        {
            await api.Client.Traces.GetAsync(Wire.TraceId);
        }
        catch (InvalidDataException ex) when (OpperResponseTooLarge.Is(ex))
        {
            limit = (long)ex.Data[OpperResponseTooLarge.MaxResponseBytesKey]!;
        }

        Assert.That(limit, Is.EqualTo(Limit));
        Assert.ThrowsAsync(Is.InstanceOf<InvalidDataException>(), () => api.Client.Traces.GetAsync(Wire.TraceId), "catch (InvalidDataException) keeps working");
    }

    [Test]
    public void Is_recognises_only_the_refusal()
    {
        var marked = new InvalidDataException("over the limit");
        marked.Data[OpperResponseTooLarge.MaxResponseBytesKey] = Limit;
        var wrongValue = new InvalidDataException("over the limit");
        wrongValue.Data[OpperResponseTooLarge.MaxResponseBytesKey] = "4096";
        var otherType = new IOException("over the limit");
        otherType.Data[OpperResponseTooLarge.MaxResponseBytesKey] = Limit;

        Assert.Multiple(() =>
        {
            Assert.That(OpperResponseTooLarge.Is(marked), Is.True);
            Assert.That(OpperResponseTooLarge.Is(new InvalidDataException("a corrupt archive")), Is.False);
            Assert.That(OpperResponseTooLarge.Is(wrongValue), Is.False);
            Assert.That(OpperResponseTooLarge.Is(otherType), Is.False);
            Assert.That(OpperResponseTooLarge.Is(null), Is.False);
        });
    }

    [Test]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        const string Start = "{\"id\":\"t-1\",\"name\":\"exact\",\"spans\":[]";
        var exact = Encoding.UTF8.GetBytes(Start + new string(' ', (int)Limit - Start.Length - 1) + "}");
        Assert.That(exact.Length, Is.EqualTo(Limit));
        using var api = new MockApi(o => o.MaxResponseBytes = Limit);
        api.Reply(() => Response(new StreamContent(new Unseekable(exact))));

        var trace = await api.Client.Traces.GetAsync(Wire.TraceId);

        Assert.That(trace.Name, Is.EqualTo("exact"));
    }

    private static HttpResponseMessage Response(HttpContent content)
    {
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>
    /// A body whose length is not known up front (StreamContent announces a seekable stream's
    /// length), kept open when the response is disposed so that the test can see how much was read.
    /// </summary>
    private sealed class Unseekable : MemoryStream
    {
        public Unseekable(byte[] bytes)
            : base(bytes, writable: false)
        {
        }

        public long BytesRead => Position;

        public override bool CanSeek => false;

        protected override void Dispose(bool disposing)
        {
        }
    }
}
