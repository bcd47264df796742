using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>The pages' shared accessibility check: axe-core and sideways scrolling at a desktop and a tablet width.</summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>axe without serious or critical findings, and no sideways scrolling, at 1280 and at 768 px; every finding is written to the output.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name, ITestOutputHelper output)
    {
        var blocking = new StringBuilder();
        foreach (var width in new[] { 1280, 768 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            foreach (var violation in result.Violations)
            {
                var text = $"{name} at {width} px: {violation.Id} ({violation.Impact}) {violation.Help}: "
                    + string.Join("; ", violation.Nodes.Select(n => n.Html));
                output.WriteLine(text);
                if (Blocking.Contains(violation.Impact))
                {
                    blocking.AppendLine(text);
                }
            }

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{name} scrolls sideways at {width} px ({widths[0]} > {widths[1]})");
        }

        await page.SetViewportSizeAsync(1280, 900);
        Assert.True(blocking.Length == 0, $"axe found serious or critical violations:\n{blocking}");
    }
}
