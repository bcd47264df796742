using System.Net;
using System.Text;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>Answers a client or a resident can act on: the right status, and for residents a page in their language.</summary>
public sealed class ErrorPagesTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task WrongContentType_OnAnAnonymousEndpoint_Answers415_Not401()
    {
        var response = await api.CreateClient().PostAsync("/api/v1/bookings", new StringContent("slotId=1", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await Scenario.ProblemAsync(response);
    }

    [Fact]
    public async Task WrongMethod_OnAnAnonymousEndpoint_Answers405_Not401()
    {
        var response = await api.CreateClient().DeleteAsync("/api/v1/topics");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("tr")]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task UnknownAddress_OutsideTheApi_IsA404PageInTheVisitorsLanguage(string culture)
    {
        var page = await new PageBrowser(api, culture).GetAsync("/gibt-es-nicht/auch-nicht");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(culture, page.Language);
        Assert.Equal(PageTexts.Get("Error_NotFound_Title", culture), page.Heading);
    }

    [Fact]
    public async Task UnknownAddress_InsideTheApi_StaysProblemDetails()
    {
        var response = await api.CreateClientAs(Roles.Staff).GetAsync("/api/v1/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await Scenario.ProblemAsync(response);
    }

    [Fact]
    public async Task FormWithoutAntiforgeryToken_IsAPageInTheResidentsLanguage_AndNothingIsBooked()
    {
        var browser = new PageBrowser(api, "tr");
        var response = await browser.Client.PostAsync($"/book/{Guid.NewGuid()}?topic=family&language=tr",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Erfundene Person" }));
        var page = await PageBrowser.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("tr", page.Language);
        Assert.Equal(PageTexts.Get("Error_BadRequest_Title", "tr"), page.Heading);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_OnAResidentPage_IsAPageInTheResidentsLanguage_WithRetryAfter()
    {
        using var limited = new ApiFactory();
        limited.Settings["Beratung:RateLimiting:Enabled"] = "true";
        limited.Settings["Beratung:RateLimiting:manage-link:PermitLimit"] = "1";
        var browser = new PageBrowser(limited, "ar");

        await browser.GetAsync("/manage/ABCD-EFGH");
        var page = await browser.GetAsync("/manage/ABCD-EFGH");

        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.NotNull(page.Response.Headers.RetryAfter);
        Assert.Equal(("ar", "rtl"), (page.Language, page.Direction));
        Assert.Equal(PageTexts.Get("Error_TooMany_Title", "ar"), page.Heading);
    }

    [Fact]
    public async Task UnexpectedError_OnAResidentPage_IsAPageInTheResidentsLanguage_WithTheTraceId()
    {
        using var failing = new ApiFactory();
        var mediator = new Mock<IMediator>();
        mediator.Setup(m => m.Send(It.IsAny<IRequest<It.IsAnyType>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("Erfundener Fehler"));
        failing.ConfigureServices = services => services.AddScoped(_ => mediator.Object);

        var page = await new PageBrowser(failing, "en").GetAsync("/appointments?topic=family&language=tr");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("en", page.Language);
        Assert.Equal(PageTexts.Get("Error_Unexpected_Title", "en"), page.Heading);
        Assert.DoesNotContain("Erfundener Fehler", page.Text, StringComparison.Ordinal);
        Assert.NotEmpty(page.Document.QuerySelector("bdi code")!.TextContent);
    }
}
