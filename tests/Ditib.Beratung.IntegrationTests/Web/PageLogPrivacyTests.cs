using System.Collections.Concurrent;
using System.Net;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The manage token never reaches a log line, even with every category turned up to Trace by configuration: the
/// hosting diagnostics and routing categories, which log the full URL, are held at Warning by the pages.
/// </summary>
public sealed class PageLogPrivacyTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly CapturingLogs logs = new();

    public PageLogPrivacyTests()
    {
        api.LoggerProvider = logs;
        api.Settings["Logging:LogLevel:Default"] = "Trace";
        api.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        api.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task ManageLinkAndBookingForm_LeaveNoTokenAndNoPersonalDataInAnyLogLine()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin, Roles.Staff));
        var browser = new PageBrowser(api);
        var form = await browser.GetAsync($"/book/{slots[0]["id"]}?topic=family&language=tr");
        var booked = await browser.SubmitAsync(form, form.Form(), new Dictionary<string, string>
        {
            ["Form.Name"] = "Wulfhilde Seitenfall-Quxx",
            ["Form.Phone"] = "+49 170 5550188",
            ["Form.Concern"] = "Erfundenes Anliegen ZZPAGE",
            ["Form.ConsentAccepted"] = "true",
        });
        var confirmation = await browser.FollowAsync(booked);
        var link = new Uri(confirmation.Document.GetElementById("personal-link")!.TextContent.Trim());
        var token = Uri.UnescapeDataString(link.Query.Split("token=")[1]);

        var other = new PageBrowser(api);
        var manage = await other.OpenAsync(link.PathAndQuery + "&culture=ar");
        await other.GetAsync($"{link.AbsolutePath}/calendar");
        await new PageBrowser(api).OpenAsync($"{link.AbsolutePath}?token={token}x");

        Assert.Equal(HttpStatusCode.OK, manage.Status);
        Assert.Contains(logs.Lines, line => line.Contains("Handled GetBooking", StringComparison.Ordinal)); // Debug lines are captured
        foreach (var secret in new[] { token, Uri.EscapeDataString(token), "Wulfhilde", "5550188", "ZZPAGE" })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
        }
    }
}
