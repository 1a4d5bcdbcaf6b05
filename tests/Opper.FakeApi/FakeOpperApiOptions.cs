using System;
using System.Threading;
using System.Threading.Tasks;

namespace Opper.FakeApi;

/// <summary>Settings of a <see cref="FakeOpperApi"/>.</summary>
public sealed class FakeOpperApiOptions
{
    /// <summary>
    /// When set, every request must carry <c>Authorization: Bearer &lt;ApiKey&gt;</c>; others get 401
    /// with the API's <c>UnauthorizedError</c> body. When null, any request is accepted.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Called for every request (after it is recorded, before the key check and normal handling).
    /// Return a <see cref="FakeResponse"/> to answer with it, or null to carry on. The token fires
    /// when the client goes away or the server stops.
    /// </summary>
    public Func<FakeRequest, CancellationToken, Task<FakeResponse?>>? Intercept { get; set; }

    /// <summary>Whether <c>POST /v2/spans</c> with an id already stored answers 409 <c>ConflictError</c> (default true); when false, the span is replaced.</summary>
    public bool ConflictOnDuplicateSpanId { get; set; } = true;
}
