using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Opper.Traces.Hosting.Tests;

/// <summary>A handler that reports each request it passes on: proof that a request went through a given pipeline.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private readonly Action _onSend;

    /// <param name="onSend">Called for each request.</param>
    /// <param name="inner">The handler to pass to; none when IHttpClientFactory chains it.</param>
    public CountingHandler(Action onSend, HttpMessageHandler? inner = null)
    {
        _onSend = onSend;
        if (inner is not null)
        {
            InnerHandler = inner;
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _onSend();
        return base.SendAsync(request, cancellationToken);
    }
}
