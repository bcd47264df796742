using System.Security.Cryptography;
using System.Text;

namespace Ditib.Beratung.Web.Letters;

/// <summary>
/// The letters' print stylesheet (<c>Letters/letter.css</c>, embedded), written inline so that a letter is one
/// self-contained page, and its hash as a content-security-policy source (<c>'sha256-…'</c>), so that a page can show
/// the letter under a policy that allows exactly this stylesheet and nothing else.
/// </summary>
public static class LetterStyle
{
    public static readonly string Text = Read();

    public static readonly string Source = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Text)))}'";

    /// <summary>The content-security policy of a page that is a letter: its stylesheet, nothing else.</summary>
    public static readonly string PagePolicy =
        $"default-src 'none'; style-src {Source}; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static string Read()
    {
        using var stream = typeof(LetterStyle).Assembly.GetManifestResourceStream("Ditib.Beratung.Web.Letters.letter.css")
            ?? throw new InvalidOperationException("The letter stylesheet is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return "\n" + reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
