namespace Ditib.Beratung.Domain.Scheduling;

public enum SlotMode
{
    InPerson,
    Phone,
    Video,
}

public static class SlotModes
{
    public static readonly IReadOnlyList<string> Codes = ["in-person", "phone", "video"];

    public static string ToCode(this SlotMode mode) => mode switch
    {
        SlotMode.InPerson => "in-person",
        SlotMode.Phone => "phone",
        SlotMode.Video => "video",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static bool TryParse(string? code, out SlotMode mode)
    {
        switch (code)
        {
            case "in-person": mode = SlotMode.InPerson; return true;
            case "phone": mode = SlotMode.Phone; return true;
            case "video": mode = SlotMode.Video; return true;
            default: mode = default; return false;
        }
    }

    public static SlotMode Parse(string code) =>
        TryParse(code, out var mode) ? mode : throw new ArgumentException("Unknown slot mode.", nameof(code));
}
