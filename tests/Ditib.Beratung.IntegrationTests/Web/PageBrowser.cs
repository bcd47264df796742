using System.Globalization;
using System.Net;
using System.Resources;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>A page as the browser got it: the answer and its parsed document.</summary>
public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document, Uri Address)
{
    public HttpStatusCode Status => Response.StatusCode;

    public string Language => Document.DocumentElement.GetAttribute("lang") ?? "";

    public string Direction => Document.DocumentElement.GetAttribute("dir") ?? "";

    public string Heading => Document.QuerySelectorAll("h1").Single().TextContent.Trim();

    public string Text => Document.Body?.TextContent ?? "";

    public IHtmlFormElement Form(string selector = "form[method=post]") =>
        Document.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form '{selector}' on {Address}");

    public string? Location => Response.Headers.Location?.OriginalString;

    /// <summary>Every link in the error summary: (href, text).</summary>
    public IReadOnlyList<(string Href, string Text)> ErrorLinks =>
        Document.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href") ?? "", a.TextContent.Trim())).ToList();
}

/// <summary>
/// A browser without script over HTTPS (the manage cookie is Secure): keeps cookies, does not follow redirects by
/// itself (tests look at them), sends forms with the hidden fields of the page, antiforgery token included.
/// </summary>
public sealed class PageBrowser
{
    private static readonly HtmlParser Parser = new();

    public PageBrowser(ApiFactory api, string? acceptLanguage = null)
    {
        Client = api.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        if (acceptLanguage is not null)
        {
            Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
    }

    public HttpClient Client { get; }

    public async Task<Page> GetAsync(string url) => await ReadAsync(await Client.GetAsync(url));

    /// <summary>Gets the page and follows redirects (at most five), as a browser would.</summary>
    public async Task<Page> OpenAsync(string url)
    {
        var page = await GetAsync(url);
        for (var i = 0; i < 5 && page.Location is { } location; i++)
        {
            page = await GetAsync(location);
        }

        return page;
    }

    public async Task<Page> FollowAsync(Page redirect)
    {
        Assert.True(redirect.Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"expected a redirect, got {(int)redirect.Status}");
        return await GetAsync(redirect.Location!);
    }

    /// <summary>Sends a form with its hidden fields and the given values (checkboxes and radios only when given).</summary>
    public async Task<Page> SubmitAsync(Page page, IHtmlFormElement form, IDictionary<string, string>? values = null)
    {
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Address : new Uri(page.Address, action);
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var response = method == "POST"
            ? await Client.PostAsync(target, new FormUrlEncodedContent(fields))
            : await Client.GetAsync(new UriBuilder(target) { Query = new FormUrlEncodedContent(fields).ReadAsStringAsync().Result }.Uri);
        return await ReadAsync(response);
    }

    public static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, await Parser.ParseDocumentAsync(html), response.RequestMessage!.RequestUri!);
    }
}

/// <summary>The pages' texts as the resource files hold them, to compare pages with.</summary>
public static class PageTexts
{
    public static readonly string[] Cultures = ["de", "tr", "ar", "en"];

    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.Texts", typeof(Ditib.Beratung.Web.Texts).Assembly);

    public static string Get(string key, string culture, params object[] arguments)
    {
        var text = Resources.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? throw new InvalidOperationException($"No text '{key}'");
        return arguments.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(culture), text, arguments);
    }

    /// <summary>The text without the Unicode isolates (LRI, RLI, FSI, PDI) that keep numbers in order on right-to-left pages.</summary>
    public static string WithoutIsolates(string text) => new(text.Where(c => c is < '\u2066' or > '\u2069').ToArray());

    public static ResourceSet Set(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) ?? throw new InvalidOperationException($"No texts for '{culture}'");
}
