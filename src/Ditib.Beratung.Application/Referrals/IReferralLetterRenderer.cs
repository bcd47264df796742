namespace Ditib.Beratung.Application.Referrals;

/// <summary>
/// Writes the printable referral letter (one self-contained HTML page in German, with its print stylesheet) with the
/// centre as sender. Implemented outside the Application (a Razor view in the Web project); it writes only what
/// <see cref="ReferralLetter.OnlyConsented"/> leaves of the content.
/// </summary>
public interface IReferralLetterRenderer
{
    Task<string> RenderAsync(LetterContent content, CancellationToken cancellationToken);
}
