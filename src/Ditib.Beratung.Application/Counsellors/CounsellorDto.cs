using Ditib.Beratung.Domain.Counsellors;

namespace Ditib.Beratung.Application.Counsellors;

public sealed record CounsellorDto(
    Guid Id, string DisplayName, IReadOnlyList<string> Languages, IReadOnlyList<string> Topics, bool Active, Guid? UserId)
{
    public static CounsellorDto From(Counsellor counsellor) =>
        new(counsellor.Id, counsellor.DisplayName, counsellor.Languages, counsellor.Topics, counsellor.Active, counsellor.UserId);
}
