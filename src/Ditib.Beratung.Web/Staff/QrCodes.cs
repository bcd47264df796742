using QRCoder;

namespace Ditib.Beratung.Web.Staff;

/// <summary>QR codes drawn on the server as PNG (QRCoder), shown as a <c>data:</c> image: no script, no request of its own.</summary>
public static class QrCodes
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    /// <summary>A Base32 secret in groups of four, for typing by hand.</summary>
    public static string Grouped(string secret) => string.Join(' ', secret.Chunk(4).Select(c => new string(c)));
}
