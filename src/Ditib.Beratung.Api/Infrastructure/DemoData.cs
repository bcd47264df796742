using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Application.Slots;
using MediatR;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// In Development, fills an empty database with invented counsellors and hours for the coming weeks, so that a
/// newcomer can book through the Scalar UI at once. <c>Beratung:Seed:DemoData</c> turns it off; Production never seeds.
/// </summary>
public static partial class DemoData
{
    /// <summary>Four invented counsellors, each on every topic; together they speak every language of the reference data.</summary>
    private static readonly (string Name, string[] Languages, string[] Days, string From, string To, int Minutes, string Mode, string Location, int Capacity)[] Counsellors =
    [
        ("Beraterin A. Beispiel (Demo)", ["de", "tr", "en", "bg", "ro"], ["monday", "wednesday"], "09:00", "12:00", 45, "in-person", "Raum 2", 1),
        ("Berater B. Muster (Demo)", ["de", "ar", "ku", "fa"], ["tuesday", "thursday"], "13:00", "16:00", 30, "phone", "Telefon", 1),
        ("Beraterin C. Probe (Demo)", ["de", "tr", "pl", "ru", "uk"], ["friday"], "10:00", "12:00", 60, "in-person", "Offene Sprechstunde, Saal", 4),
        ("Beraterin D. Versuch (Demo)", ["de", "ar", "fr", "en"], ["monday", "thursday"], "14:00", "17:00", 45, "video", "Videogespräch", 1),
    ];

    /// <summary>Registers <c>Beratung:Seed</c>.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateOnStart();
        return services;
    }

    public static async Task SeedAsync(IServiceProvider services, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() || !services.GetRequiredService<IOptions<SeedOptions>>().Value.DemoData)
        {
            return;
        }

        using var system = SystemScope.Enter();
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        if ((await mediator.Send(new ListCounsellors())).Count > 0)
        {
            return;
        }

        var settings = scope.ServiceProvider.GetRequiredService<CentreSettings>();
        var today = scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant().InZone(settings.Zone).Date;
        var topics = (await mediator.Send(new ListTopics())).Select(t => t.Code).ToList();
        var created = 0;
        foreach (var c in Counsellors)
        {
            var counsellor = await mediator.Send(new CreateCounsellor(c.Name, c.Languages, topics, true));
            var weekly = c.Days.Select(d => new WeeklyHoursDto(d, c.From, c.To, c.Minutes, c.Mode, c.Location, c.Capacity)).ToList();
            await mediator.Send(new SetHours(counsellor.Id, weekly, []));
            var published = await mediator.Send(new PublishSlots(counsellor.Id, Formats.Date.Format(today), Formats.Date.Format(today.PlusWeeks(6))));
            created += published.Created;
        }

        LogSeeded(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(DemoData)), Counsellors.Length, created);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: seeded {Counsellors} invented demo counsellors with {Slots} slots (Beratung:Seed:DemoData=false turns this off)")]
    private static partial void LogSeeded(ILogger logger, int counsellors, int slots);
}
