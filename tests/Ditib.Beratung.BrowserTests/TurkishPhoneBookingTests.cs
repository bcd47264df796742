using System.Text.RegularExpressions;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// A resident books in Turkish on a phone (390×844, touch), keeps the personal link, opens it later, moves the
/// appointment and cancels it. The expected texts are written out in Turkish here, not read from the resources, so a
/// page that fell back to German would fail.
/// </summary>
public sealed class TurkishPhoneBookingTests(ResidentFixture fixture) : IClassFixture<ResidentFixture>
{
    [SkippableFact]
    public async Task Resident_BooksMovesAndCancels_InTurkishOnAPhone()
    {
        var page = await fixture.NewPageAsync(BrowserFixture.Phone("tr-TR"));
        var resident = new Resident(page, "tr", fixture.TopicNames) { IsTouch = true };
        var html = page.Locator("html");

        // Start page: the phone's Accept-Language alone picks Turkish.
        await page.GotoAsync("/");
        await Expect(html).ToHaveAttributeAsync("lang", "tr");
        await Expect(html).ToHaveAttributeAsync("dir", "ltr");
        await Expect(resident.Heading).ToHaveTextAsync("Danışmanlık randevusu alın");
        await page.GetByLabel("Aile ve çocuklar", new() { Exact = true }).TapAsync();
        await Expect(page.GetByLabel("Aile ve çocuklar", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Hangi dilde konuşmak istiyorsunuz?").SelectOptionAsync(new SelectOptionValue { Value = "tr" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Boş randevuları göster" }).TapAsync();

        // Free appointments by day, for the chosen topic and language.
        await Expect(resident.Heading).ToHaveTextAsync("Boş randevular");
        await Expect(page.GetByText("Konu: Aile ve çocuklar · Dil: Türkçe.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 Aralık 2026 Salı" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bu randevuyu al – 1 Aralık 2026 Salı, 09:00 – 09:45" }).TapAsync();

        // The form, first sent without consent: the error summary names the missing consent and links to it.
        await Expect(resident.Heading).ToHaveTextAsync("Randevu al");
        await Expect(page.GetByText("1 Aralık 2026 Salı")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "booking-tr-390x844.png");
        var name = page.GetByLabel("Ad veya takma ad", new() { Exact = true });
        await name.FillAsync(Resident.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Randevuyu kesinleştir" }).TapAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Lütfen bilgilerinizi kontrol edin");
        var consentError = summary.GetByRole(AriaRole.Link, new() { Name = "Randevuyu alabilmemiz için lütfen veri koruma beyanını kabul edin." });
        await Expect(consentError).ToHaveAttributeAsync("href", "#consent");
        var consent = page.GetByRole(AriaRole.Checkbox, new() { Name = "Veri koruma beyanını (sürüm 2026-11) okudum", Exact = false });
        await Expect(consent).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(consent).Not.ToBeCheckedAsync();
        await Expect(name).ToHaveValueAsync(Resident.Name);
        Assert.Equal(0, fixture.App.Count("SELECT COUNT(*) FROM booking"));

        await consent.TapAsync();
        await Expect(consent).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Randevuyu kesinleştir" }).TapAsync();

        // Confirmation: reference, date and place, calendar file, the personal link and its warning.
        await Expect(resident.Heading).ToHaveTextAsync("Randevunuz alındı");
        var reference = (await page.Locator(".reference").TextContentAsync())!.Trim();
        Assert.Matches(Resident.ReferencePattern(), reference);
        await Expect(resident.Detail("Details_Status")).ToHaveTextAsync("Alındı");
        await Expect(resident.Detail("Details_Date")).ToHaveTextAsync("1 Aralık 2026 Salı");
        await Expect(resident.Detail("Details_Time")).ToHaveTextAsync("09:00 – 09:45");
        await Expect(resident.Detail("Details_Place")).ToHaveTextAsync("Yüz yüze · Raum 2");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Takvime ekle (.ics)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kişisel bağlantınız" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Bu bağlantı kişiseldir.", new() { Exact = false })).ToBeVisibleAsync();
        var personalLink = (await page.Locator("#personal-link").TextContentAsync())!.Trim();
        Assert.StartsWith($"{fixture.App.BaseAddress.ToString().TrimEnd('/')}/manage/{reference}?token=", personalLink, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, fixture.App.Count(
            "SELECT COUNT(*) FROM booking WHERE reference = $r AND status = 'confirmed' AND language_code = 'tr' AND privacy_notice_version = '2026-11'",
            ("$r", reference)));

        // Later, on the phone again (a fresh browser, no cookies): the personal link alone opens the booking, and the
        // token leaves the address bar at once.
        var later = await fixture.NewPageAsync(BrowserFixture.Phone("tr-TR"));
        var manage = new Resident(later, "tr", fixture.TopicNames) { IsTouch = true };
        await later.GotoAsync(personalLink);
        await Expect(later).ToHaveURLAsync(new Regex($"/manage/{reference}$"));
        await Expect(manage.Heading).ToHaveTextAsync("Randevunuz");
        await Expect(later.GetByText("Bu bağlantı kişiseldir.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(manage.Detail("Details_Date")).ToHaveTextAsync("1 Aralık 2026 Salı");

        // At a glance on the phone: the appointment, moving and cancelling, without scrolling through free times.
        var moveLink = later.GetByRole(AriaRole.Link, new() { Name = "Randevuyu değiştir", Exact = true });
        var cancelButton = later.GetByRole(AriaRole.Button, new() { Name = "Randevuyu iptal et" });
        Assert.True((await later.EvaluateAsync<int>("window.scrollY")) == 0);
        var cancelBox = (await cancelButton.BoundingBoxAsync())!;
        var moveBox = (await moveLink.BoundingBoxAsync())!;
        Assert.True(cancelBox.Y + cancelBox.Height <= 844 * 1.5, $"the cancel button ends at {cancelBox.Y + cancelBox.Height} px");
        Assert.True(moveBox.Y + moveBox.Height <= 844 * 1.5, $"the move link ends at {moveBox.Y + moveBox.Height} px");
        Assert.Equal(0, await later.GetByRole(AriaRole.Radio).CountAsync());

        // Move it to Wednesday 09:00 (its own step: a day, then a time); the Tuesday slot is free again afterwards.
        await moveLink.TapAsync();
        await Expect(manage.Heading).ToHaveTextAsync("Randevuyu değiştir");
        await later.GetByRole(AriaRole.Link, new() { Name = "2 Aralık 2026 Çarşamba", Exact = false }).TapAsync();
        var wednesday = later.GetByRole(AriaRole.Group, new() { Name = "2 Aralık 2026 Çarşamba" });
        await wednesday.GetByRole(AriaRole.Radio, new() { Name = "09:00 – 09:45", Exact = false }).TapAsync();
        await later.GetByRole(AriaRole.Button, new() { Name = "Randevumu seçtiğim zamana al" }).TapAsync();
        await Expect(later.GetByRole(AriaRole.Status)).ToHaveTextAsync("Randevunuz değiştirildi. Takvim dosyası kullanıyorsanız yeniden indirin.");
        await Expect(manage.Detail("Details_Date")).ToHaveTextAsync("2 Aralık 2026 Çarşamba");
        await Expect(manage.Detail("Details_Time")).ToHaveTextAsync("09:00 – 09:45");
        await Expect(manage.Detail("Details_Status")).ToHaveTextAsync("Alındı");
        await moveLink.TapAsync();
        await later.GetByRole(AriaRole.Link, new() { Name = "1 Aralık 2026 Salı", Exact = false }).TapAsync();
        var tuesday = later.GetByRole(AriaRole.Group, new() { Name = "1 Aralık 2026 Salı" });
        await Expect(tuesday.GetByRole(AriaRole.Radio, new() { Name = "09:00 – 09:45", Exact = false })).ToBeVisibleAsync();
        await later.GetByRole(AriaRole.Link, new() { Name = "Randevunuza geri dönün" }).TapAsync();
        await Expect(manage.Heading).ToHaveTextAsync("Randevunuz");

        // Cancel it: without ticking the confirmation nothing happens; with it, the booking is cancelled.
        await later.GetByLabel("Sebep (isteğe bağlı)").FillAsync("Erfundener Grund: Termin passt doch nicht");
        await later.GetByRole(AriaRole.Button, new() { Name = "Randevuyu iptal et" }).TapAsync();
        await Expect(later.GetByRole(AriaRole.Alert)).ToContainTextAsync("Lütfen randevuyu iptal etmek istediğinizi onaylayın.");
        await Expect(manage.Detail("Details_Status")).ToHaveTextAsync("Alındı");
        await later.GetByRole(AriaRole.Checkbox, new() { Name = "Evet, bu randevuyu iptal etmek istiyorum." }).TapAsync();
        await later.GetByRole(AriaRole.Button, new() { Name = "Randevuyu iptal et" }).TapAsync();
        await Expect(later.GetByRole(AriaRole.Status)).ToHaveTextAsync("Randevunuz iptal edildi. Yer başkaları için yeniden boş.");
        await Expect(manage.Detail("Details_Status")).ToHaveTextAsync("Sizin tarafınızdan iptal edildi");
        await Expect(later.GetByText("Bu randevu artık geçerli değil ve değiştirilemez.")).ToBeVisibleAsync();
        await Expect(moveLink).ToHaveCountAsync(0);
        Assert.Equal(1, fixture.App.Count("SELECT COUNT(*) FROM booking WHERE reference = $r AND status = 'cancelled-by-resident'",
            ("$r", reference)));
    }
}
