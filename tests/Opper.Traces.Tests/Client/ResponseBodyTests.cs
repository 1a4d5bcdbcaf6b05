using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>Bodies that are not what the spec promises still give clear, precise errors.</summary>
[TestFixture]
public class ResponseBodyTests
{
    [Test]
    public void An_html_502_from_a_proxy_gives_a_clear_server_error()
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        var html = System.IO.File.ReadAllText(System.IO.Path.Combine(Examples.ExamplesDirectory, "errors", "502-bad-gateway.html"));
        api.Reply(HttpStatusCode.BadGateway, html, "text/html");

        var ex = Assert.ThrowsAsync<OpperServerException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.StatusCode, Is.EqualTo(502));
            Assert.That(ex.Message, Does.Contain("502").And.Contain("GET /traces/{trace_id}"));
            Assert.That(ex.Message, Does.Contain("not JSON").And.Contain("text/html"));
            Assert.That(ex.Message, Does.Contain("502 Bad Gateway").And.Not.Contain("<"), "the page's text, without its markup");
            Assert.That(ex.ResponseBody, Is.EqualTo(html));
            Assert.That(ex.ErrorType, Is.Null);
            Assert.That(ex.ErrorMessage, Is.Null);
            Assert.That(ex.Detail, Is.Null);
            Assert.That(ex.Error, Is.Null);
        });
    }

    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.InternalServerError)]
    public void An_empty_error_body_gives_a_clear_error(HttpStatusCode status)
    {
        using var api = new MockApi(o => o.MaxRetries = 0);
        api.Reply(status, string.Empty);

        var ex = Assert.CatchAsync<OpperApiException>(() => api.Client.Spans.GetAsync(Wire.RootSpanId))!;

        Assert.That(ex.StatusCode, Is.EqualTo((int)status));
        Assert.That(ex.Message, Does.Contain(((int)status).ToString()).And.Contain("empty"));
        Assert.That(ex.ResponseBody, Is.Empty);
        Assert.That(ex.Error, Is.Null);
    }

    [Test]
    public void An_error_without_a_body_at_all_gives_a_clear_error()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.Unauthorized);

        var ex = Assert.ThrowsAsync<OpperUnauthorizedException>(() => api.Client.Spans.GetAsync(Wire.RootSpanId))!;

        Assert.That(ex.Message, Does.Contain("401").And.Contain("empty"));
    }

    [Test]
    public void A_wrong_type_in_a_success_body_names_its_json_path()
    {
        using var api = new MockApi();
        var trace = (JObject)Examples.Json("GetTraceResponse.research-assistant.json");
        trace["spans"]![1]!["duration_ms"] = "three";
        api.Reply(HttpStatusCode.OK, trace.ToString(Formatting.Indented), "application/json", ("x-request-id", "req-7"));

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Path, Is.EqualTo("spans[1].duration_ms"));
            Assert.That(ex.Message, Does.Contain("spans[1].duration_ms"));
            Assert.That(ex.Message, Does.Contain("GET /traces/{trace_id}"));
            Assert.That(ex.StatusCode, Is.EqualTo(200));
            Assert.That(ex.RequestId, Is.EqualTo("req-7"));
        });
    }

    [Test]
    public void A_bare_null_where_an_object_is_promised_is_a_serialization_error()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, "null");

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Does.Contain("null"));
    }

    [Test]
    public void Truncated_json_is_a_serialization_error()
    {
        using var api = new MockApi();
        var text = Examples.Text("GetTraceResponse.research-assistant.json");
        api.Reply(HttpStatusCode.OK, text.Substring(0, text.Length / 2));

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Path, Does.StartWith("spans["), "the path of where the body ended");
    }

    [Test]
    public void An_empty_success_body_is_a_serialization_error()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, string.Empty);

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Does.Contain("no body").Or.Contain("empty"));
    }

    [Test]
    public void A_missing_required_field_is_a_serialization_error()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, """{"meta":{"total_count":1}}""");

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.ListAsync())!;

        Assert.That(ex.Message, Does.Contain("data"));
    }

    [Test]
    public void Text_after_the_json_value_is_a_serialization_error()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, Examples.Text("GetSpanResponse.with-feedback.json") + " {}");

        Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Spans.GetAsync(Wire.RootSpanId));
    }

    [Test]
    public void A_serialization_error_is_not_retried()
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, "null");

        Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.GetAsync(Wire.TraceId));

        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    /// <summary>
    /// A body that never ends: a prefix, then filler forever. It counts what the client reads.
    /// </summary>
    private sealed class EndlessStream : Stream
    {
        private readonly byte[] _prefix;

        public EndlessStream(string prefix) => _prefix = Encoding.UTF8.GetBytes(prefix);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesRead + i < _prefix.Length ? _prefix[BytesRead + i] : (byte)' ';
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Test]
    public void An_endless_body_is_refused_after_reading_no_more_than_the_limit()
    {
        // The body is read into memory before it is parsed: an endless one stops one byte past
        // MaxResponseBytes, whatever it holds, and is not fetched again.
        const long limit = 8L * 1024 * 1024;
        using var api = new MockApi(o => o.MaxResponseBytes = limit);
        var body = new EndlessStream("""{"id": 12, "spans": [""");
        api.Reply(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(body) { Headers = { { "Content-Type", "application/json" } } },
        });

        var ex = Assert.ThrowsAsync<InvalidDataException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Does.Contain("MaxResponseBytes").And.Contain("8388608").And.Contain("8388609"));
        Assert.That(body.BytesRead, Is.EqualTo(limit + 1), "the read stops one byte past the limit");
        Assert.That(api.Sent, Has.Count.EqualTo(1));
    }

    private static HttpResponseMessage StreamedTrace(bool withLength) => new(HttpStatusCode.OK)
    {
        Content = withLength
            ? new StringContent(Examples.Text("GetTraceResponse.research-assistant.json"), Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Examples.Text("GetTraceResponse.research-assistant.json"))))
            {
                Headers = { { "Content-Type", "application/json" } },
            },
    };

    [TestCase(true)]
    [TestCase(false)]
    public void A_body_over_max_response_bytes_is_refused(bool withLength)
    {
        using var api = new MockApi(o => o.MaxResponseBytes = 4096);
        api.Reply(() => StreamedTrace(withLength));

        var ex = Assert.ThrowsAsync<InvalidDataException>(() => api.Client.Traces.GetAsync(Wire.TraceId))!;

        Assert.That(ex.Message, Does.Contain("MaxResponseBytes").And.Contain("4096"));
        Assert.That(api.Sent, Has.Count.EqualTo(1), "a body that is too large is not fetched again");
    }
}
