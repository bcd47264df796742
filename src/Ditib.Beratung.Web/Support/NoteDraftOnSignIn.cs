using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// When a note is sent to a case page without a valid session, authorization answers with a challenge (the way to
/// sign in, with the case page as the address to come back to). Before that, the note's text is kept with
/// <see cref="NoteDrafts"/>, so that the case page can put it back into the form after signing in. Every other
/// request goes to the framework's own handler unchanged.
/// </summary>
public sealed class NoteDraftOnSignIn(NoteDrafts drafts) : IAuthorizationMiddlewareResultHandler
{
    public const int MaxDraftLength = 20_000;

    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && IsNotePost(context, out var code) && SameOrigin(context.Request) && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form["text"].ToString() is { Length: > 0 and <= MaxDraftLength } text && !string.IsNullOrWhiteSpace(text))
            {
                drafts.Keep(context, code, text);
            }
        }

        await inner.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>
    /// Only the centre's own page may leave a draft: without a session there is no antiforgery check to lean on, so a
    /// form posted from another site (the browser names it in <c>Origin</c>) is not kept.
    /// </summary>
    private static bool SameOrigin(HttpRequest request) =>
        request.Headers.Origin is [{ } origin] && string.Equals(origin.TrimEnd('/'), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);

    /// <summary>A POST to <c>/staff/cases/{code}</c> without a named handler: the note form.</summary>
    private static bool IsNotePost(HttpContext context, out string code)
    {
        code = "";
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Query.ContainsKey("handler"))
        {
            return false;
        }

        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments is ["staff", "cases", var value] && Application.Cases.CaseCodes.IsCode(value))
        {
            code = value;
            return true;
        }

        return false;
    }
}
