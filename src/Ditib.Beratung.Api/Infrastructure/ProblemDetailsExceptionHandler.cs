using System.Text.Json;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details. Expected failures keep their message (written
/// without personal data); anything else is a 500 that tells nothing about the internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => Validation(validation),
            BadHttpRequestException badRequest => BadRequest(badRequest),
            DomainRuleException rule => WithField(Problem(StatusCodes.Status422UnprocessableEntity, "A rule prevents this", rule.Message), rule.Field, rule.Message),
            AlreadyRunningException running => Problem(StatusCodes.Status409Conflict, $"A {running.Run} run is going on already", running.Message),
            ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message),
            NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
            ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message),
            ErasedException erased => Problem(StatusCodes.Status410Gone, "Erased", erased.Message),
            GoneException gone => Problem(StatusCodes.Status410Gone, "Gone", gone.Message),
            Ditib.Beratung.Infrastructure.Security.DataKeyNotFoundException => Problem(StatusCodes.Status410Gone, "Erased",
                "This data has been erased and can no longer be read."),
            System.Security.Cryptography.CryptographicException => Problem(StatusCodes.Status500InternalServerError,
                "Encrypted data cannot be opened", "The configured master keys do not open this data; the centre's administrator must check them."),
            UnstorableTextException unstorable => Problem(StatusCodes.Status400BadRequest, "The request is not valid", unstorable.Message),
            DatabaseBusyException busy => Problem(StatusCodes.Status503ServiceUnavailable, "Busy", busy.Message),
            // A transaction run outside the unit of work's retries that PostgreSQL could not serialise: nothing was stored.
            SerializationConflictException => Problem(StatusCodes.Status503ServiceUnavailable, "Busy", new DatabaseBusyException().Message),
            _ => null,
        };

        if (problem is null || problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(exception.GetType().Name, httpContext.TraceIdentifier, exception);
            if (Web.ResidentPages.ServesPage(httpContext))
            {
                return false; // the resident pages' error page answers, in the visitor's language
            }

            problem ??= Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred",
                "The request could not be completed; please try again later or tell the centre the trace id.");
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static HttpValidationProblemDetails Validation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = "See 'errors' for the fields to correct.",
        };
    }

    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", "The request body is too large.");
        }

        var json = FindJsonException(exception);
        if (json is not null)
        {
            var field = FieldName(json.Path?.TrimStart('$', '.') ?? "");
            var problem = Problem(StatusCodes.Status400BadRequest, "The request body is not valid",
                string.IsNullOrEmpty(field) ? "The body is not well-formed JSON." : $"The value of '{field}' has the wrong form.");
            return WithField(problem, string.IsNullOrEmpty(field) ? "body" : field, problem.Detail!);
        }

        // Binding failures name the parameter: 'Failed to bind parameter "bool? own" from "yes".'
        var parameter = BindFailure().Match(exception.Message);
        var badRequest = Problem(StatusCodes.Status400BadRequest, "Bad request",
            "The request could not be read: a required value is missing or has the wrong form.");
        return parameter.Success
            ? WithField(badRequest, parameter.Groups["name"].Value, $"The value of '{parameter.Groups["name"].Value}' has the wrong form.")
            : badRequest;
    }

    private static ProblemDetails WithField(ProblemDetails problem, string? field, string message)
    {
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        }

        return problem;
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>"Consent.Accepted" and "Weekly[0].From" become "consent.accepted" and "weekly[0].from".</summary>
    private static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    [System.Text.RegularExpressions.GeneratedRegex("""parameter "[^"]* (?<name>[A-Za-z0-9_]+)" from""")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in request {TraceId}")]
    private partial void LogUnexpected(string exceptionType, string traceId, Exception exception);
}
