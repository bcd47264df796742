using System.Collections.Concurrent;

namespace Ditib.Beratung.IntegrationTests.Contract;

/// <summary>One answer the API gave: what was asked, the status, the media type and the body.</summary>
public sealed record RecordedAnswer(string Method, string Path, int Status, string? MediaType, string Body);

/// <summary>Records every answer that passes through a test client, for checking against the OpenAPI document.</summary>
public sealed class RecordingHandler(ConcurrentQueue<RecordedAnswer> answers) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        answers.Enqueue(new RecordedAnswer(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(cancellationToken)));
        return response;
    }
}
