namespace Ditib.Beratung.Application.Privacy;

/// <summary>
/// The access export as a self-contained HTML page to print or hand over, with the centre's name and address. The
/// Application only names the port; the page is a Razor view in the Web project (as the calendar file is rendered
/// in Infrastructure), used by the API's <c>export.html</c> and the DPO's page alike.
/// </summary>
public interface IAccessExportDocument
{
    Task<string> RenderAsync(AccessExport export, CancellationToken cancellationToken);
}
