using System.Globalization;
using System.Text;
using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.Application.Audit;

/// <summary>
/// Audit entries as CSV (RFC 4180, see <see cref="Csv"/>, whose guard keeps a cell from being read as a formula):
/// <c>seq,at,actor_id,actor,action,subject_type,subject_id,outcome</c>, in the order given.
/// </summary>
public static class AuditCsv
{
    public const string Header = "seq,at,actor_id,actor,action,subject_type,subject_id,outcome";

    public static string Write(IEnumerable<AuditEntryDto> entries)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var e in entries)
        {
            Csv.Line(csv, e.Seq.ToString(CultureInfo.InvariantCulture), e.At, e.ActorId?.ToString() ?? "", e.ActorName, e.Action, e.SubjectType,
                e.SubjectId ?? "", e.Outcome);
        }

        return csv.ToString();
    }
}
