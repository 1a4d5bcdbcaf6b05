using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Client;

/// <summary>
/// The pipeline's stages one at a time: each runs in front of a scripted last stage that answers
/// with whatever the test says and records what each hop looked like. The client-level suites
/// cover the stages together.
/// </summary>
[TestFixture]
public class StageTests
{
    private static readonly Uri BaseUrl = new("https://api.example.test/v2");

    /// <summary>A last stage that answers each hop with the next scripted response and records the hop.</summary>
    private sealed class Scripted : OpperPipelineStage
    {
        private readonly Queue<Func<HttpResponseMessage>> _answers;

        public Scripted(params Func<HttpResponseMessage>[] answers) => _answers = new Queue<Func<HttpResponseMessage>>(answers);

        public List<(Uri Uri, string Method, bool SendsBody, string? Credential)> Hops { get; } = new();

        public override Task ProcessAsync(OpperPipelineMessage message)
        {
            Hops.Add((message.Uri!, message.Method, message.SendsBody, message.Credential));
            message.Response = _answers.Dequeue()();
            return Task.CompletedTask;
        }
    }

    /// <summary>A body whose position can still be read after the client closed it.</summary>
    private sealed class KeptOpen : MemoryStream
    {
        public KeptOpen(byte[] bytes)
            : base(bytes)
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }

    private static OpperPipelineMessage Message(string method = "GET", bool readBody = true)
    {
        var request = new OpperRequest(method, "get_thing", "/things/{id}");
        request.AppendPath("/things/");
        request.AppendPathParameter("t-1", "id");
        return new OpperPipelineMessage(request, Array.Empty<OpperErrorResponse>(), readBody, CancellationToken.None);
    }

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    private static HttpResponseMessage Body(Stream body, long? length = null)
    {
        var content = new StreamContent(body);
        content.Headers.ContentLength = length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    [Test]
    public async Task Authentication_gives_the_call_its_header_and_refuses_plain_http_to_a_remote_host()
    {
        var last = new Scripted(() => new HttpResponseMessage(HttpStatusCode.OK));
        using var message = Message();
        await OpperPipelineStage.Chain(new OpperAuthenticationStage("sk-1234", BaseUrl, allowInsecureHttp: false), last).ProcessAsync(message);
        Assert.That(message.Credential, Is.EqualTo("Bearer sk-1234"));

        var plain = OpperPipelineStage.Chain(new OpperAuthenticationStage("sk-1234", new Uri("http://api.example.test/v2"), allowInsecureHttp: false), new Scripted());
        using var refused = Message();
        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => plain.ProcessAsync(refused))!;
        Assert.That(ex.Message, Does.Contain("plain HTTP").And.Not.Contain("sk-1234"));
    }

    [Test]
    public async Task Redirect_drops_the_key_for_another_origin_and_gives_it_back_for_the_next_attempt()
    {
        var last = new Scripted(
            () => Redirect(HttpStatusCode.Found, "/v2/moved"),
            () => Redirect(HttpStatusCode.SeeOther, "https://cdn.example.test/blob"),
            () => new HttpResponseMessage(HttpStatusCode.OK));
        var stages = OpperPipelineStage.Chain(new OpperRedirectStage(BaseUrl), last);
        using var message = Message("POST");
        message.Credential = "Bearer sk-1234";

        await stages.ProcessAsync(message);

        Assert.That(last.Hops.Select(h => (h.Uri.ToString(), h.Method, h.SendsBody, h.Credential)), Is.EqualTo(new[]
        {
            ("https://api.example.test/v2/things/t-1", "POST", true, (string?)"Bearer sk-1234"),
            ("https://api.example.test/v2/moved", "GET", false, (string?)"Bearer sk-1234"),
            ("https://cdn.example.test/blob", "GET", false, (string?)null),
        }));
        Assert.That(message.Credential, Is.EqualTo("Bearer sk-1234"), "the next attempt starts with the key");
        Assert.That(message.Status, Is.EqualTo(200));
    }

    [Test]
    public void Redirect_refuses_https_to_http()
    {
        var stages = OpperPipelineStage.Chain(new OpperRedirectStage(BaseUrl), new Scripted(() => Redirect(HttpStatusCode.MovedPermanently, "http://api.example.test/v2/x")));
        using var message = Message();

        var ex = Assert.ThrowsAsync<HttpRequestException>(() => stages.ProcessAsync(message))!;

        Assert.That(ex.Data.Contains(OpperRedirectStage.RedirectRefused), Is.True);
    }

    [TestCase(null)]
    [TestCase(100_000L)]
    public async Task Body_reads_a_body_within_the_limit_into_memory(long? announced)
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();
        var stages = OpperPipelineStage.Chain(new OpperBodyStage(100_000), new Scripted(() => Body(new MemoryStream(bytes), announced)));
        using var message = Message();

        await stages.ProcessAsync(message);

        Assert.That(message.Body!.Length, Is.EqualTo(100_000));
        using var copy = new MemoryStream();
        await message.Body.OpenRead(release: false).CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes), "the segments give the body back in order");
    }

    [Test]
    public void Body_stops_one_byte_past_the_limit()
    {
        var source = new KeptOpen(new byte[1_000_000]);
        var stages = OpperPipelineStage.Chain(new OpperBodyStage(300_000), new Scripted(() => Body(source)));
        using var message = Message();

        var ex = Assert.ThrowsAsync<InvalidDataException>(() => stages.ProcessAsync(message))!;

        Assert.That(ex.Message, Does.Contain("MaxResponseBytes (300000 bytes; at least 300001 were sent)"));
        Assert.That(source.Position, Is.EqualTo(300_001));
        TooLarge.AssertRefused(ex, 300_000, bytesRead: 300_001, contentLength: null);
    }

    [Test]
    public async Task Body_is_not_read_for_an_error_or_when_the_operation_wants_none()
    {
        var error = OpperPipelineStage.Chain(new OpperBodyStage(10), new Scripted(() => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("a long error body") }));
        using var failed = Message();
        await error.ProcessAsync(failed);
        Assert.That(failed.Body, Is.Null);

        var none = OpperPipelineStage.Chain(new OpperBodyStage(10), new Scripted(() => Body(new MemoryStream(new byte[100]))));
        using var unread = Message("DELETE", readBody: false);
        await none.ProcessAsync(unread);
        Assert.That(unread.Body, Is.Null);
    }

    [Test]
    public async Task A_buffer_released_as_it_is_read_decodes_text_split_across_segments()
    {
        // 40,000 three-byte characters: segment edges fall inside characters.
        var text = new string('€', 40_000);
        var bytes = Encoding.UTF8.GetBytes(text);
        using var buffer = await OpperResponseBuffer.ReadAsync(new MemoryStream(bytes), long.MaxValue, announcedLength: null, CancellationToken.None);

        using var reader = new StreamReader(buffer.OpenRead(release: true), Encoding.UTF8);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(text));
        Assert.Throws<InvalidOperationException>(() => buffer.OpenRead(release: false).ReadByte(), "the segments went back to the pool");
    }
}
