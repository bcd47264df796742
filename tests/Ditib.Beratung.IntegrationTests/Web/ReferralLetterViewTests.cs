using System.Xml;
using System.Xml.Linq;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.IntegrationTests.Support;
using Ditib.Beratung.Web.Letters;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The referral letter as its Razor view writes it (through the port, as the API and the pages get it): exactly the
/// consented categories whatever data it is handed, the centre from configuration as sender (here a centre in an
/// invented town, not Duisburg), the partner's address block from its contact fields. The markup is read back as XML,
/// so assertions see the decoded text a reader sees as well as the raw HTML. All data is invented.
/// </summary>
public sealed class ReferralLetterViewTests(ReferralLetterViewTests.Host host) : IClassFixture<ReferralLetterViewTests.Host>
{
    private const string Basis = "Schriftliche Einwilligung der Klientin/des Klienten vom 01.12.2026";

    private static readonly LetterContact ZelihaContact = new(
        "Zeliha Quxtestfrau", "+49 203 5550142", "zeliha.qux@example.invalid", "Probeweg 3, 47169 Duisburg", "1991-04-17");

    private static readonly LetterRecipient Recipient = new("Frauenberatung Beispielhausen (erfunden)", "Frau Erfundene Ansprechperson",
        "Testallee 9", "47000 Beispielhausen");

    /// <summary>Per category: its heading, and the values that must appear when it is shared and never otherwise.</summary>
    private static readonly Dictionary<string, (string Heading, string[] Values)> Expected = new()
    {
        [ReferralLetter.Contact] = ("Kontakt",
            ["Zeliha Quxtestfrau", "+49 203 5550142", "zeliha.qux@example.invalid", "Probeweg 3, 47169 Duisburg", "17.04.1991"]),
        [ReferralLetter.Topics] = ("Anliegen und Themen", ["Familie und Kinder", "Schutz vor Gewalt"]),
        [ReferralLetter.Summary] = ("Zusammenfassung", ["Zusammenfassung XYZZY-Test"]),
        [ReferralLetter.LanguageNeeds] = ("Sprache und Dolmetschbedarf", ["Kurdisch (Kurmancî), Dolmetschung nötig"]),
    };

    /// <summary>ASCII fragments of each category's data; none may survive in the raw HTML in any form.</summary>
    private static readonly Dictionary<string, string[]> Fragments = new()
    {
        [ReferralLetter.Contact] = ["Quxtestfrau", "Zeliha", "5550142", "zeliha.qux", "Probeweg", "47169", "1991", "17.04."],
        [ReferralLetter.Topics] = ["Familie und Kinder", "Schutz vor Gewalt"],
        [ReferralLetter.Summary] = ["XYZZY"],
        [ReferralLetter.LanguageNeeds] = ["Kurdisch", "Kurmanc", "Dolmetschung"],
    };

    public static TheoryData<string[]> EveryCategorySubset()
    {
        var subsets = new TheoryData<string[]>();
        for (var mask = 0; mask < 1 << ReferralLetter.AllCategories.Count; mask++)
        {
            subsets.Add(ReferralLetter.AllCategories.Where((_, bit) => (mask & (1 << bit)) != 0).ToArray());
        }

        return subsets;
    }

    [Theory]
    [MemberData(nameof(EveryCategorySubset))]
    public async Task Render_ShowsExactlyTheConsentedCategories_EvenWhenAllDataIsPassed(string[] shared)
    {
        var html = await host.RenderAsync(Content(shared));

        var document = Parse(html);
        var text = Body(document).Value;
        var headings = Body(document).Descendants("h2").Select(h => h.Value).ToList();
        Assert.Equal(ReferralLetter.AllCategories.Where(shared.Contains).Select(c => Expected[c].Heading), headings);

        foreach (var category in ReferralLetter.AllCategories)
        {
            var (heading, values) = Expected[category];
            if (shared.Contains(category))
            {
                Assert.Contains($"<h2>{heading}</h2>", html, StringComparison.Ordinal);
                Assert.All(values, value => Assert.Contains(value, text, StringComparison.Ordinal));
            }
            else
            {
                Assert.DoesNotContain($"<h2>{heading}", html, StringComparison.OrdinalIgnoreCase);
                Assert.All(values, value => Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase));
                Assert.All(Fragments[category], fragment => Assert.DoesNotContain(fragment, html, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public async Task Render_WithNoCategories_SaysNothingFurtherIsShared()
    {
        var body = Body(Parse(await host.RenderAsync(Content([]))));

        Assert.Empty(body.Descendants("section"));
        Assert.Contains("Weitere Angaben zur Person geben wir mit diesem Schreiben nicht weiter.", body.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EncodesEveryValue_SoNoneCanInjectMarkup()
    {
        const string Hostile = "<script>alert(1)</script> & \"x\" 'y' <img src=x onerror=alert(2)>";
        var content = new LetterContent(
            Hostile, new LetterRecipient(Hostile, Hostile, Hostile, Hostile), Hostile, new LocalDate(2026, 12, 1), ReferralLetter.AllCategories,
            new LetterContact(Hostile, Hostile, Hostile, Hostile, Hostile), [Hostile], Hostile, Hostile, Hostile, Hostile);

        var html = await host.RenderAsync(content);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"x\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ", html, StringComparison.Ordinal);
        var body = Body(Parse(html));
        Assert.DoesNotContain(body.Descendants(), e => e.Name.LocalName is "script" or "img");
        // Subject, 4 recipient lines, purpose, 5 contact fields, topic, summary, language, basis, counsellor.
        Assert.Equal(16, CountOf(body.Value, Hostile));
        Assert.Equal("Weiterleitung – Fall " + Hostile, Parse(html).Root!.Element("head")!.Element("title")!.Value);
    }

    [Fact]
    public async Task Render_WritesDatesInGermanFormat_WithTheCentresTownFromConfiguration()
    {
        var html = await host.RenderAsync(Content(ReferralLetter.AllCategories));

        var body = Body(Parse(html));
        Assert.Equal("Erfundenstadt, 01.12.2026", Assert.Single(body.Descendants("p"), p => (string?)p.Attribute("class") == "date").Value);
        Assert.Contains("17.04.1991", body.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12-01", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1991-04-17", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_TakesTheSenderFromConfiguration_AndNeverSaysDuisburg_WhenTheCentreIsElsewhere()
    {
        var html = await host.RenderAsync(Content([]));

        var body = Body(Parse(html));
        Assert.Equal("Erfundene Begegnungsstätte Erfundenstadt · Probeallee 5 · 12345 Erfundenstadt", body.Element("header")!.Value);
        var signature = Assert.Single(body.Descendants("p"), p => (string?)p.Attribute("class") == "signature");
        Assert.Contains("Hatice Beratertest", signature.Value, StringComparison.Ordinal);
        Assert.Contains("Erfundene Begegnungsstätte Erfundenstadt", signature.Value, StringComparison.Ordinal);
        Assert.Contains("Telefon 0999 5550123", signature.Value, StringComparison.Ordinal);
        Assert.Contains("E-Mail zentrum@erfundenstadt.example.invalid", signature.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Duisburg", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_WritesThePartnersAddressBlock_OneLinePerField()
    {
        var address = Body(Parse(await host.RenderAsync(Content([])))).Descendants("address").Single();

        Assert.Equal(["Frauenberatung Beispielhausen (erfunden)", "Frau Erfundene Ansprechperson", "Testallee 9", "47000 Beispielhausen"], Lines(address));
        Assert.Equal("Frauenberatung Beispielhausen (erfunden)", address.Element("strong")!.Value);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", " ", null)]
    [InlineData(null, "Testallee 9", null)]
    [InlineData(null, null, "47000 Beispielhausen")]
    public async Task Render_LeavesOutEmptyPartnerFields_WithoutBlankLinesOrPlaceholders(string? contactPerson, string? street, string? postcodeAndCity)
    {
        var content = Content([]) with { Recipient = new LetterRecipient("Partner Ohne Anschrift (erfunden)", contactPerson, street, postcodeAndCity) };

        var address = Body(Parse(await host.RenderAsync(content))).Descendants("address").Single();

        var expected = new[] { "Partner Ohne Anschrift (erfunden)", contactPerson, street, postcodeAndCity }.Where(l => !string.IsNullOrWhiteSpace(l));
        Assert.Equal(expected, Lines(address));
        Assert.Equal(expected.Count() - 1, address.Elements("br").Count());
        Assert.DoesNotContain("Keine Angaben", address.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ShowsPurposeAndBasis()
    {
        var body = Body(Parse(await host.RenderAsync(Content([]))));

        Assert.Contains("Platz in einer Schutzunterkunft finden", body.Value, StringComparison.Ordinal);
        var basis = Assert.Single(body.Descendants("p"), p => (string?)p.Attribute("class") == "basis");
        Assert.Contains("Grundlage der Weitergabe: " + Basis, basis.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_PutsTheCaseCodeInSubjectAndTitle()
    {
        var document = Parse(await host.RenderAsync(Content([])));

        Assert.Equal("Weiterleitung – Fall F-2026-0042", Body(document).Descendants("h1").Single().Value);
        Assert.Equal("Weiterleitung – Fall F-2026-0042", document.Root!.Element("head")!.Element("title")!.Value);
    }

    [Fact]
    public async Task Render_WithLegalBasisInsteadOfConsent_StatesIt()
    {
        const string LegalBasis = "Rechtsgrundlage: Art. 9 Abs. 2 lit. c DSGVO – Begründung: akute Gefahr für Leib und Leben (Testfall)";

        var html = await host.RenderAsync(Content([ReferralLetter.Contact]) with { Basis = LegalBasis });

        Assert.Contains("Grundlage der Weitergabe: " + LegalBasis, Body(Parse(html)).Value, StringComparison.Ordinal);
        Assert.DoesNotContain(Basis, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_IsACompleteSelfContainedHtml5Document()
    {
        var html = await host.RenderAsync(Content(ReferralLetter.AllCategories));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        var root = Parse(html).Root!;
        Assert.Equal("html", root.Name.LocalName);
        Assert.Equal("de", (string?)root.Attribute("lang"));
        var head = root.Element("head")!;
        Assert.Equal("utf-8", (string?)head.Element("meta")!.Attribute("charset"));
        Assert.Contains("size: A4", head.Element("style")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object");
        Assert.DoesNotContain(
            root.Descendants().Attributes(),
            a => a.Name.LocalName is "src" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_LeavesOutContactFieldsThatAreMissing()
    {
        var content = Content([ReferralLetter.Contact]) with
        {
            Contact = new LetterContact("Zeliha Quxtestfrau", null, "zeliha.qux@example.invalid", " ", null),
        };

        var terms = Body(Parse(await host.RenderAsync(content))).Descendants("dt").Select(dt => dt.Value);

        Assert.Equal(["Name", "E-Mail"], terms);
    }

    [Fact]
    public async Task Render_WithSharedCategoryButNoData_SaysSo()
    {
        var content = Content(ReferralLetter.AllCategories) with { Contact = null, Topics = [], Summary = null, LanguageNeeds = " " };

        var sections = Body(Parse(await host.RenderAsync(content))).Descendants("section").ToList();

        Assert.Equal(4, sections.Count);
        Assert.All(sections, section => Assert.Equal("Keine Angaben.", section.Element("p")!.Value));
    }

    [Theory]
    [InlineData("notes")]
    [InlineData("Contact")]
    [InlineData("")]
    public async Task Render_WithUnknownCategory_Throws(string category)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => host.RenderAsync(Content([ReferralLetter.Topics, category])));
    }

    [Fact]
    public async Task StyleSource_IsTheHashOfTheLettersOneInlineStylesheet()
    {
        var html = await host.RenderAsync(Content(ReferralLetter.AllCategories));
        var start = html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
        var style = html[start..html.IndexOf("</style>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));

        Assert.Equal(1, CountOf(html, "<style"));
        Assert.Contains("@page { size: A4;", style, StringComparison.Ordinal);
        Assert.Equal($"'sha256-{hash}'", LetterStyle.Source);
    }

    /// <summary>The host with a centre in an invented town elsewhere than Duisburg.</summary>
    public sealed class Host : IDisposable
    {
        private readonly ApiFactory api = new();

        public Host()
        {
            api.Settings["Beratung:Centre:Name"] = "Erfundene Begegnungsstätte Erfundenstadt";
            api.Settings["Beratung:Centre:StreetAddress"] = "Probeallee 5";
            api.Settings["Beratung:Centre:PostcodeAndCity"] = "12345 Erfundenstadt";
            api.Settings["Beratung:Centre:Phone"] = "0999 5550123";
            api.Settings["Beratung:Centre:Email"] = "zentrum@erfundenstadt.example.invalid";
        }

        public async Task<string> RenderAsync(LetterContent content)
        {
            using var scope = api.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IReferralLetterRenderer>().RenderAsync(content, CancellationToken.None);
        }

        public void Dispose() => api.Dispose();
    }

    private static LetterContent Content(IReadOnlyCollection<string> categories) => new(
        "F-2026-0042",
        Recipient,
        "Die Klientin möchte mit ihren Kindern einen Platz in einer Schutzunterkunft finden.",
        new LocalDate(2026, 12, 1),
        categories,
        ZelihaContact,
        ["Familie und Kinder", "Schutz vor Gewalt"],
        "Zusammenfassung XYZZY-Test",
        "Kurdisch (Kurmancî), Dolmetschung nötig",
        Basis,
        "Hatice Beratertest");

    /// <summary>The lines of an element as a reader sees them: its text split at each <c>&lt;br /&gt;</c>.</summary>
    private static List<string> Lines(XElement element)
    {
        var lines = new List<string> { "" };
        foreach (var node in element.Nodes())
        {
            if (node is XElement { Name.LocalName: "br" })
            {
                lines.Add("");
            }
            else
            {
                lines[^1] += node is XElement e ? e.Value : ((XText)node).Value;
            }
        }

        return lines;
    }

    private static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    private static XElement Body(XDocument document) => document.Root!.Element("body")!;

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
