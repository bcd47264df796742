using Ditib.Beratung.Application.Common;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Common;

public sealed class FormatsTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Theory]
    [InlineData("2026-12-01T10:00")]
    [InlineData("2026-12-01T10:00:00+01:00")]
    [InlineData("2026-12-01T09:00:00Z")]
    [InlineData("2026-12-01T04:00:00-05:00")]
    public void DateTime_AcceptsLocalAndRfc3339WithOffset(string text)
    {
        Assert.True(Formats.IsDateTime(text));
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 9, 0), Formats.ParseInstant(text, Berlin));
        Assert.Equal(new LocalDateTime(2026, 12, 1, 10, 0), Formats.ParseLocalDateTime(text, Berlin));
    }

    [Fact]
    public void DateTime_KeepsFractionsOfASecond() =>
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 9, 0) + Duration.FromMilliseconds(500), Formats.ParseInstant("2026-12-01T09:00:00.5Z", Berlin));

    [Theory]
    [InlineData("2026-12-01 10:00")]
    [InlineData("2026-12-01T10:00:00")]
    [InlineData("2026-12-01T10:00+01:00")]
    [InlineData("2026-12-01T10:00:00+01:00 ")]
    [InlineData("1999-12-01T10:00:00Z")]
    [InlineData("2026-13-01T10:00:00Z")]
    [InlineData("")]
    [InlineData(null)]
    public void DateTime_RefusesOtherShapes(string? text) => Assert.False(Formats.IsDateTime(text));
}
