using System.Text;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Statistics;

namespace Ditib.Beratung.Application.Statistics;

/// <summary>Published figures for funders: every count from 1 to 4 shows as "&lt;5", withheld totals as "–".</summary>
public sealed record StatisticsDto(string From, string To, IReadOnlyList<StatisticsTableDto> Tables)
{
    public const string TotalLabel = "total";

    /// <summary>One line per published number, totals included: <c>table,row,column,value</c> (RFC 4180, see <see cref="Csv"/>).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("table,row,column,value\r\n");
        foreach (var table in Tables)
        {
            foreach (var row in table.Rows)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    Csv.Line(csv, table.Name, row.Label, table.Columns[c], row.Cells[c]);
                }

                Csv.Line(csv, table.Name, row.Label, TotalLabel, row.Total);
            }

            for (var c = 0; c < table.Columns.Count; c++)
            {
                Csv.Line(csv, table.Name, TotalLabel, table.Columns[c], table.ColumnTotals[c]);
            }

            Csv.Line(csv, table.Name, TotalLabel, TotalLabel, table.GrandTotal);
        }

        return csv.ToString();
    }
}

public sealed record StatisticsTableDto(
    string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<StatisticsRowDto> Rows, IReadOnlyList<string> ColumnTotals,
    string GrandTotal)
{
    public static StatisticsTableDto From(SuppressedTable table) => new(
        table.Name, table.Title, table.Columns,
        table.Rows.Select((label, r) => new StatisticsRowDto(label, table.RowCells(r), table.RowTotals[r])).ToList(),
        table.ColumnTotals, table.GrandTotal);
}

public sealed record StatisticsRowDto(string Label, IReadOnlyList<string> Cells, string Total);
