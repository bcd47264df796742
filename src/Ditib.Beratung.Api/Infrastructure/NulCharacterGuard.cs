using System.Text;
using Ditib.Beratung.Application.Common;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// U+0000 (NUL) at the edge of the application. No text of this system holds it, and PostgreSQL's text cannot even be
/// compared with it; <see cref="NulCharacters"/> refuses it in every request, naming the field. Here:
/// <list type="bullet">
/// <item>A query value holding NUL is refused before anything reads it: the API answers a 400 naming the parameter, a
/// page the error page for a bad request. (A path holding %00 never gets here: the server's decoder refuses it.)</item>
/// <item>The framework's form reader refuses a whole form holding %00, which a page could only answer as an expired
/// form. Such a form is read here instead, so that the page gets its request refused and shows the error beside the
/// field, as for any other invalid input.</item>
/// </list>
/// </summary>
public sealed class NulCharacterGuard(RequestDelegate next)
{
    private const string EncodedNul = "%00";

    public async Task InvokeAsync(HttpContext context)
    {
        var names = QueryParametersHoldingNul(context.Request);
        if (names is not null)
        {
            if (Web.ResidentPages.ServesPage(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            throw new ValidationException(names.Select(name => new ValidationFailure(name, NulCharacters.Message)));
        }

        if (Web.ResidentPages.ServesPage(context) && IsUrlEncodedPost(context.Request))
        {
            await ReadFormHoldingNulAsync(context);
        }

        await next(context);
    }

    /// <summary>The names of the query parameters holding NUL; null (and nothing allocated) when none does.</summary>
    private static List<string>? QueryParametersHoldingNul(HttpRequest request)
    {
        List<string>? names = null;
        if (request.QueryString.HasValue && request.QueryString.Value!.Contains(EncodedNul, StringComparison.Ordinal))
        {
            foreach (var (name, values) in request.Query)
            {
                if (values.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true))
                {
                    (names ??= []).Add(name);
                }
            }
        }

        return names;
    }

    private static bool IsUrlEncodedPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Parses a form holding %00 with the query parser, which keeps NUL; other forms are left to the framework. The body
    /// (at most <see cref="RequestLimits.MaxBodyBytes"/> on the wire) is held in memory, never in a temporary file.
    /// </summary>
    private static async Task ReadFormHoldingNulAsync(HttpContext context)
    {
        var request = context.Request;
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        body.Position = 0;
        request.Body = body;
        context.Response.RegisterForDispose(body);
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        if (bytes.IndexOf("%00"u8) >= 0)
        {
            var form = QueryHelpers.ParseNullableQuery(Encoding.UTF8.GetString(bytes));
            context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(form)));
        }
    }
}
