using FluentValidation;
using FluentValidation.Results;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Refuses an API query string value holding U+0000 (NUL) with a 400 that names the parameter. No text of this system
/// holds it, and PostgreSQL's text cannot even be compared with it; without this guard a lookup such as a search's
/// topic would reach the database. Bodies are covered where they are stored (<c>UnstorableTextException</c>).
/// </summary>
public sealed class NulCharacterGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Request.QueryString.HasValue)
        {
            var failures = context.Request.Query
                .Where(parameter => parameter.Value.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true))
                .Select(parameter => new ValidationFailure(parameter.Key, "Must not contain the character U+0000 (NUL)."))
                .ToList();
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }
        }

        return next(context);
    }
}
