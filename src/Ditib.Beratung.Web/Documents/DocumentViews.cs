using System.Globalization;
using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace Ditib.Beratung.Web.Documents;

/// <summary>
/// Renders a document view (the referral letter, the access export) to a string, outside any page request: the API's
/// endpoints and the staff pages hand out the same document. Documents are German whatever the reader's pages are set
/// to, because they are handed to a partner or to the client.
/// </summary>
public sealed class DocumentViews(IRazorViewEngine views, ITempDataProvider tempData, IModelMetadataProvider metadata, IServiceProvider services)
{
    public async Task<string> RenderAsync<TModel>(string viewPath, TModel model)
    {
        var view = views.GetView(executingFilePath: null, viewPath, isMainPage: true).EnsureSuccessful(originalLocations: null).View!;
        var http = new DefaultHttpContext { RequestServices = services };
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Cultures.Create(Cultures.Default);
        try
        {
            await using var writer = new StringWriter(CultureInfo.InvariantCulture);
            var context = new ViewContext(
                new ActionContext(http, new RouteData(), new ActionDescriptor()), view,
                new ViewDataDictionary<TModel>(metadata, new ModelStateDictionary()) { Model = model },
                new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
            await view.RenderAsync(context);
            return writer.ToString();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
