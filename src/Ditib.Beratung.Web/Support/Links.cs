using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Ditib.Beratung.Web.Support;

/// <summary>The pages' addresses with their query strings (never with a token).</summary>
public static class Links
{
    public static string Appointments(string topic, string? language, string? mode = null, LocalDate? from = null, string? after = null) =>
        "/appointments" + Query(("topic", topic), ("language", language), ("mode", mode), ("date", from is { } date ? Display.Iso(date) : null),
            ("after", after));

    public static string Book(Guid slotId, string topic, string? language) =>
        $"/book/{slotId}" + Query(("topic", topic), ("language", language));

    public static string Manage(string reference) => ManageLink.PagePath(reference);

    /// <summary>The move step: the days from <paramref name="from"/>, or the times of <paramref name="date"/>.</summary>
    public static string Move(string reference, LocalDate? date = null, LocalDate? from = null) =>
        $"{ManageLink.PagePath(reference)}/move" + Query(("date", date is { } day ? Display.Iso(day) : null), ("from", from is { } start ? Display.Iso(start) : null));

    public static string Confirmation(string reference) => $"{ManageLink.PagePath(reference)}/confirmation";

    public static string Calendar(string reference) => $"{ManageLink.PagePath(reference)}/calendar";

    private static string Query(params (string Key, string? Value)[] parameters) =>
        QueryString.Create(parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).ToString();
}
