namespace Ditib.Beratung.Web.Support;

/// <summary>A friendly page instead of a form, e.g. for a link that is not valid (404) or has expired (410).</summary>
public sealed record Notice(string TitleKey, string TextKey)
{
    public static readonly Notice SlotNotFound = new("Notice_SlotNotFound_Title", "Notice_SlotNotFound_Text");
    public static readonly Notice LinkNotValid = new("Notice_LinkNotValid_Title", "Notice_LinkNotValid_Text");
    public static readonly Notice LinkExpired = new("Notice_LinkExpired_Title", "Notice_LinkExpired_Text");
    public static readonly Notice Erased = new("Notice_Erased_Title", "Notice_Erased_Text");
}
