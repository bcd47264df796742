using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Statistics;

namespace Ditib.Beratung.UnitTests.Common;

public sealed class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://example.invalid\")", "\"'=HYPERLINK(\"\"http://example.invalid\"\")\"")]
    [InlineData("+49 170", "'+49 170")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rZeile", "\"'\rZeile\"")]
    [InlineData("Caritas Duisburg", "Caritas Duisburg")]
    [InlineData("<5", "<5")]
    [InlineData("–", "–")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "")]
    public void Field_NeutralisesFormulas_AndQuotesAsRfc4180(string field, string written) => Assert.Equal(written, Csv.Field(field));

    [Fact]
    public void StatisticsCsv_WritesAFormulaLikePartnerNameAsText()
    {
        var table = new StatisticsTableDto("referrals-by-partner", "Weiterleitungen", ["2026-11"],
            [new StatisticsRowDto("=1+1", ["7"], "7")], ["7"], "7");

        var csv = new StatisticsDto("2026-11-01", "2026-11-30", [table]).ToCsv();

        Assert.Contains("referrals-by-partner,'=1+1,2026-11,7\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=1+1,", csv, StringComparison.Ordinal);
    }
}
