using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// The pages under <c>/manage/{reference}</c>. A token in the address is moved into the manage cookie and the
/// browser sent on to the same address without it; after that the token only travels in the cookie.
/// </summary>
public abstract class BookingPageModel(ManageLink manageLink) : ResidentPageModel
{
    public Notice? Notice { get; private set; }

    public string Reference { get; private set; } = "";

    protected string? Token { get; private set; }

    protected string PersonalLinkFor(string reference, string token) => manageLink.PersonalLink(Request, reference, token);

    /// <summary>Null when the page may go on with <see cref="Reference"/> and <see cref="Token"/>; else the answer to give.</summary>
    protected IActionResult? Enter(string reference, Func<string, string> pagePath)
    {
        if (!ManageLink.TryNormalise(reference, out var canonical))
        {
            return Show(Notice.LinkNotValid, StatusCodes.Status404NotFound);
        }

        Reference = canonical;
        if (HttpMethods.IsGet(Request.Method) && ManageLink.HasTokenInQuery(Request))
        {
            if (ManageLink.FromQuery(Request) is { } token)
            {
                manageLink.Keep(Response, canonical, token);
            }

            return this.SeeOther(pagePath(canonical));
        }

        if (HttpMethods.IsGet(Request.Method) && canonical != reference)
        {
            return this.SeeOther(pagePath(canonical) + Request.QueryString);
        }

        Token = ManageLink.FromCookie(Request);
        return Token is null ? Show(Notice.LinkNotValid, StatusCodes.Status404NotFound) : null;
    }

    /// <summary>An unknown reference and a wrong token look the same (404); a link after the appointment or erasure is 410.</summary>
    protected IActionResult? ForAccessFailure(Exception exception) => exception switch
    {
        NotFoundException => Show(Notice.LinkNotValid, StatusCodes.Status404NotFound),
        ErasedException => Show(Notice.Erased, StatusCodes.Status410Gone),
        GoneException => Show(Notice.LinkExpired, StatusCodes.Status410Gone),
        _ => null,
    };

    protected static async Task<BookingDetails> DetailsAsync(
        Application.Bookings.BookingDto booking, SlotFinder finder, ReferenceNames names, CancellationToken cancellationToken) =>
        new(booking, finder.ToView(booking.Slot), await names.TopicAsync(booking.Topic, cancellationToken) ?? booking.Topic,
            await names.LanguageAsync(booking.Language, cancellationToken) ?? booking.Language);

    private PageResult Show(Notice notice, int status)
    {
        Notice = notice;
        Response.StatusCode = status;
        return Page();
    }
}
