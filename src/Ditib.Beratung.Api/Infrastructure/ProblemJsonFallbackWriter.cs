using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// The framework's problem-details writer stays silent when the request's Accept header names no JSON type. This
/// API does not negotiate content, so an error always gets its problem-details body: this writer, registered after
/// the framework's, takes what it leaves.
/// </summary>
public sealed class ProblemJsonFallbackWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json"));
    }
}
