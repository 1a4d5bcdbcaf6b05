using System;
using System.IO;

namespace Opper.Traces.Tests.Client.Support;

/// <summary>Checks the documented outcome of a response over <c>MaxResponseBytes</c>.</summary>
internal static class TooLarge
{
    /// <summary>
    /// Asserts that <paramref name="exception"/> is an <see cref="InvalidDataException"/> that
    /// <see cref="OpperResponseTooLarge.Is"/> recognises, with the figures expected in its <c>Data</c>.
    /// </summary>
    /// <param name="contentLength">The Content-Length it should carry; null when none should be there.</param>
    public static void AssertRefused(Exception exception, long limit, long bytesRead, long? contentLength)
    {
        Assert.That(exception, Is.TypeOf<InvalidDataException>(), exception.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(OpperResponseTooLarge.Is(exception), Is.True);
            Assert.That(exception.Message, Does.Contain("MaxResponseBytes"));
            Assert.That(exception.Data[OpperResponseTooLarge.MaxResponseBytesKey], Is.TypeOf<long>().And.EqualTo(limit));
            Assert.That(exception.Data[OpperResponseTooLarge.BytesReadKey], Is.TypeOf<long>().And.EqualTo(bytesRead));
            if (contentLength is null)
            {
                Assert.That(exception.Data.Contains(OpperResponseTooLarge.ContentLengthKey), Is.False, "no Content-Length was announced");
            }
            else
            {
                Assert.That(exception.Data[OpperResponseTooLarge.ContentLengthKey], Is.TypeOf<long>().And.EqualTo(contentLength.Value));
            }
        });
    }
}
