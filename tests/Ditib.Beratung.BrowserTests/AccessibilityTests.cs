using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// axe-core on every page of the flow, in German, Turkish and Arabic, on a phone: no violation of impact serious or
/// critical. Lesser findings are written to the test output.
/// </summary>
public sealed class AccessibilityTests(ResidentFixture fixture, ITestOutputHelper output) : IClassFixture<ResidentFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Every rule, but node details only for violations: keeps each run short on a slow machine.</summary>
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    [SkippableTheory]
    [InlineData("de")]
    [InlineData("tr")]
    [InlineData("ar")]
    public async Task EveryPage_HasNoSeriousOrCriticalAxeViolation(string language)
    {
        var blocking = new StringBuilder();
        var pages = new List<string>();

        await EveryPage.WalkAsync(fixture, language, () => BrowserFixture.Phone(EveryPage.Locales[language]), async (page, name) =>
        {
            pages.Add(name);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = await page.RunAxe(Options);
            output.WriteLine($"[{language}] {name}: axe {watch.ElapsedMilliseconds} ms, {result.Violations.Length} violation(s), {result.Passes.Length} rules passed");
            foreach (var violation in result.Violations)
            {
                var text = Describe(language, name, page.Url, violation);
                output.WriteLine(text);
                if (Blocking.Contains(violation.Impact))
                {
                    blocking.AppendLine(text);
                }
            }
        });

        Assert.Equal(12, pages.Count);
        Assert.True(blocking.Length == 0, $"axe found serious or critical violations ({language}):\n{blocking}");
    }

    /// <summary>The check above can fail: on a page with known defects, axe runs here and reports them as blocking.</summary>
    [SkippableFact]
    public async Task Axe_FindsKnownDefects_OnADeliberatelyBrokenPage()
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html><head><title>kaputt</title></head>
            <body><main><h1>Erfunden</h1><input type="text" name="name"><img src="data:,"></main></body></html>
            """);

        var result = await page.RunAxe();

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => v.Id).ToList();
        Assert.Contains("html-has-lang", blocking);
        Assert.Contains("label", blocking);
        Assert.Contains("image-alt", blocking);
    }

    private static string Describe(string language, string pageName, string url, AxeResultItem violation)
    {
        var text = new StringBuilder($"[{language}] {pageName} ({new Uri(url).AbsolutePath}): {violation.Id} ({violation.Impact}) {violation.Help} {violation.HelpUrl}");
        foreach (var node in violation.Nodes)
        {
            text.Append($"\n    at {node.Target}: {node.Html}");
            foreach (var check in node.Any.Concat(node.All).Concat(node.None).Where(c => !string.IsNullOrWhiteSpace(c.Message)))
            {
                text.Append($"\n       {check.Message.ReplaceLineEndings(" ")}");
            }
        }

        return text.ToString();
    }
}
