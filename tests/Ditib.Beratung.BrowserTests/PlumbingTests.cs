using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>The real app on a real port, driven by the system Chromium: proves the set-up before any page exists.</summary>
public sealed class PlumbingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Health_AnswersTheSystemChromium_WithTheSecurityHeaders()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/health");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(page.Locator("body")).ToHaveTextAsync("Healthy");
        var headers = await response.AllHeadersAsync();
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
    }

    [SkippableFact]
    public async Task StartPage_LoadsItsStylesheet_WithoutFailedRequestsOrConsoleErrors()
    {
        var page = await fixture.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        var problems = new List<string>();
        var stylesheets = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
            else if (response.Request.ResourceType == "stylesheet")
            {
                stylesheets.Add(response.Url);
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"failed {request.Url}: {request.Failure}");
        page.Console += (_, message) =>
        {
            // The pages name their icon, so the browser does not ask for /favicon.ico (an unknown address, which the
            // host answers with the 401 of its "signed in" fallback policy).
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Einen Beratungstermin buchen");
        Assert.Single(stylesheets);
        Assert.True(await page.EvaluateAsync<int>("() => document.styleSheets[0].cssRules.length") > 10, "the stylesheet has no rules");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task Scalar_RunsItsScriptAndListsTheBookingArea_AskingNoOtherHost()
    {
        var page = await fixture.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != fixture.App.BaseAddress.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync("/scalar/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        // Rendered by Scalar's script from the live OpenAPI document: proves scripts run and fetch from the app.
        var sidebar = page.GetByRole(AriaRole.Complementary);
        await Expect(sidebar.GetByRole(AriaRole.Link, new() { Name = "Bookings", Exact = true })).ToBeVisibleAsync();
        await Expect(sidebar.GetByRole(AriaRole.Link, new() { Name = "Counselling topics with names in de, tr, ar and en" })).ToBeVisibleAsync();
        Assert.True(elsewhere.Count == 0, "Scalar asked other hosts: " + string.Join(", ", elsewhere));
    }
}
