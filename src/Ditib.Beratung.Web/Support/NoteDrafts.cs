using Microsoft.AspNetCore.DataProtection;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// A note whose POST arrived after the session had ended: its text is sealed with the server's data-protection keys
/// into a short-lived cookie for that case's address only, the browser goes on to sign in, and the case page puts the
/// text back into the form once a counsellor of the case is signed in again. The browser holds only ciphertext it
/// cannot read; the cookie is removed as soon as the draft is shown, and ends by itself after an hour.
/// </summary>
public sealed class NoteDrafts(IDataProtectionProvider protection)
{
    public const string CookieName = "beratung-note-draft";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public void Keep(HttpContext context, string code, string text)
    {
        var sealedText = Protector(code).Protect(text, Lifetime);
        context.Response.Cookies.Append(CookieName, sealedText, Options(context, code, Lifetime));
    }

    /// <summary>The draft kept for this case, or null; the cookie is removed either way.</summary>
    public string? Take(HttpContext context, string code)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var sealedText))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, Options(context, code, null));
        try
        {
            return Protector(code).Unprotect(sealedText);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired, or sealed for another case: dropped.
        }
    }

    private ITimeLimitedDataProtector Protector(string code) =>
        protection.CreateProtector("Ditib.Beratung.Web.NoteDrafts", code.ToUpperInvariant()).ToTimeLimitedDataProtector();

    private static CookieOptions Options(HttpContext context, string code, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = CaseLinks.Case(code),
        MaxAge = maxAge,
        IsEssential = true,
    };
}
