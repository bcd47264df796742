using System.Globalization;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace Ditib.Beratung.Web.Letters;

/// <summary>
/// The referral letter port: renders <c>Letters/ReferralLetter.cshtml</c> to a string, outside any page request (the
/// API's letter endpoint and the staff pages send the same <see cref="GetReferralLetter"/>), with the centre from
/// configuration as sender.
/// </summary>
public sealed class RazorLetterRenderer(IRazorViewEngine views, ITempDataProvider tempData, IServiceProvider services, CentreContact centre)
    : IReferralLetterRenderer
{
    public const string ViewPath = "/Letters/ReferralLetter.cshtml";

    public async Task<string> RenderAsync(LetterContent content, CancellationToken cancellationToken)
    {
        var model = new ReferralLetterView(content, centre);
        var action = new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor());
        var view = views.GetView(executingFilePath: null, ViewPath, isMainPage: true).EnsureSuccessful(originalLocations: null).View!;
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary<ReferralLetterView>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(action, view, viewData, new TempDataDictionary(action.HttpContext, tempData), writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
