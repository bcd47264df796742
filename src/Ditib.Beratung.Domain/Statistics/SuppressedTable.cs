using System.Globalization;

namespace Ditib.Beratung.Domain.Statistics;

/// <summary>A table of counts before publication: row labels × column labels.</summary>
public sealed record CountTable(string Name, string Title, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, long[,] Counts)
{
    public long this[int row, int column] => Counts[row, column];
}

/// <summary>
/// A table of counts as it may be published, so that no count from 1 to 4 can be read or worked out:
/// <list type="bullet">
/// <item>a cell of 0 is shown as "0", a cell of 1–4 as "&lt;5", a cell of 5 or more exactly;</item>
/// <item>a row total is shown only when no cell of its row is suppressed (it is then the sum of exact cells, so it is
/// never 1–4 either); the same for column totals;</item>
/// <item>the grand total is shown only when every row and every column total is shown;</item>
/// <item>withheld totals, and cells withheld only to protect a linked table (see <see cref="LinkedSuppression"/>), show "–".</item>
/// </list>
/// So every total that covers a suppressed cell is withheld, and no published number constrains a suppressed cell
/// beyond "between 1 and 4": replacing it by any other value from 1 to 4 leaves everything published unchanged.
/// </summary>
public sealed class SuppressedTable
{
    public const int Threshold = 5;
    public const string Small = "<5";
    public const string Withheld = "–";

    private SuppressedTable(CountTable source, string[,] cells, string[] rowTotals, string[] columnTotals, string grandTotal)
    {
        Name = source.Name;
        Title = source.Title;
        Rows = source.Rows;
        Columns = source.Columns;
        this.cells = cells;
        RowTotals = rowTotals;
        ColumnTotals = columnTotals;
        GrandTotal = grandTotal;
    }

    private readonly string[,] cells;

    public string Name { get; }

    public string Title { get; }

    public IReadOnlyList<string> Rows { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string> RowTotals { get; }

    public IReadOnlyList<string> ColumnTotals { get; }

    public string GrandTotal { get; }

    public string Cell(int row, int column) => cells[row, column];

    public IReadOnlyList<string> RowCells(int row) => Enumerable.Range(0, Columns.Count).Select(c => cells[row, c]).ToList();

    /// <summary>Every published number in a fixed order: cells row by row, row totals, column totals, grand total.</summary>
    public IReadOnlyList<string> Published() =>
        [.. Enumerable.Range(0, Rows.Count).SelectMany(RowCells), .. RowTotals, .. ColumnTotals, GrandTotal];

    public static bool IsSmall(long count) => count is > 0 and < Threshold;

    public static SuppressedTable Publish(CountTable table) => Publish(table, new bool[table.Rows.Count, table.Columns.Count], false);

    /// <summary>
    /// <paramref name="withheld"/> marks cells of 5 or more that are withheld to protect a linked table;
    /// <paramref name="withholdGrandTotal"/> withholds the grand total because a linked table's is.
    /// </summary>
    public static SuppressedTable Publish(CountTable table, bool[,] withheld, bool withholdGrandTotal)
    {
        var (rows, columns) = (table.Rows.Count, table.Columns.Count);
        if (table.Counts.GetLength(0) != rows || table.Counts.GetLength(1) != columns)
        {
            throw new ArgumentException("The counts do not match the labels.", nameof(table));
        }

        var cells = new string[rows, columns];
        var rowHidden = new bool[rows];
        var columnHidden = new bool[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var count = table[r, c];
                if (count < 0)
                {
                    throw new ArgumentException("Counts cannot be negative.", nameof(table));
                }

                var hidden = IsSmall(count) || withheld[r, c];
                cells[r, c] = IsSmall(count) ? Small : withheld[r, c] ? Withheld : Format(count);
                rowHidden[r] |= hidden;
                columnHidden[c] |= hidden;
            }
        }

        var rowTotals = Enumerable.Range(0, rows)
            .Select(r => Total(rowHidden[r], Enumerable.Range(0, columns).Sum(c => table[r, c]))).ToArray();
        var columnTotals = Enumerable.Range(0, columns)
            .Select(c => Total(columnHidden[c], Enumerable.Range(0, rows).Sum(r => table[r, c]))).ToArray();
        var allShown = !withholdGrandTotal && rowTotals.Concat(columnTotals).All(t => t != Withheld);
        var grand = Total(!allShown, Enumerable.Range(0, rows).Sum(r => Enumerable.Range(0, columns).Sum(c => table[r, c])));
        return new SuppressedTable(table, cells, rowTotals, columnTotals, grand);
    }

    private static string Total(bool coversHidden, long sum) => coversHidden || IsSmall(sum) ? Withheld : Format(sum);

    private static string Format(long count) => count.ToString(CultureInfo.InvariantCulture);
}
