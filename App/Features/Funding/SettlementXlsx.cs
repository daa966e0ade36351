using DocumentFormat.OpenXml.Spreadsheet;

namespace HocTapSuotDoi.Features.Funding;

public sealed record SettlementData(string Commune, int Year, DateOnly Date, IReadOnlyList<BudgetLineRow> Budget, YearBalances Balances,
    IReadOnlyList<FundEntryRow> Fund);

// The settlement summary (quyết toán) of a year as a workbook: the budget by source, the fund's balance by source and
// the fund's receipts and payments. Money as numbers in whole đồng with the Vietnamese format ("1.250.000"), A4 print.
public static class SettlementXlsx
{
    private const uint Normal = 0, Title = 1, Money = 2, Date = 3, Heading = 4, Text = 5, BoldText = 6, BoldMoney = 7, BoldPlain = 8;
    private const uint HeaderRow = 4;

    public static byte[] Write(SettlementData d)
    {
        var b = d.Balances;
        var budgetRows = d.Budget.Select((l, i) => new object[] { i + 1, FundingTexts.Source(l.Source), l.Content, l.Estimate, l.Spent, l.Estimate - l.Spent, l.Note })
            .Append(["", "Cộng", "", d.Budget.Sum(l => l.Estimate), d.Budget.Sum(l => l.Spent), d.Budget.Sum(l => l.Estimate - l.Spent), ""]).ToList();
        var sourceRows = b.Sources.Select((s, i) => new object[] { i + 1, FundingTexts.Source(s.Source), s.Estimate, s.Spent, s.FundOpening, s.FundReceipts, s.FundPayments, s.FundClosing })
            .Append(["", "Cộng", b.Total.Estimate, b.Total.Spent, b.Total.FundOpening, b.Total.FundReceipts, b.Total.FundPayments, b.Total.FundClosing]).ToList();
        var fundRows = d.Fund.Select((e, i) => new object[] { i + 1, e.Date, e.VoucherNumber, FundingTexts.Kind(e.Kind), FundingTexts.Purpose(e.Purpose),
                FundingTexts.Source(e.Source), e.Party, e.Content, e.Kind == FundEntryKind.Receipt ? e.Amount : "", e.Kind == FundEntryKind.Payment ? e.Amount : "" })
            .Append(["", "", "", "", "", "", "Cộng", "", d.Fund.Where(e => e.Kind == FundEntryKind.Receipt).Sum(e => e.Amount),
                d.Fund.Where(e => e.Kind == FundEntryKind.Payment).Sum(e => e.Amount)]).ToList();
        var sheets = new (string Name, string Title, string[] Header, double[] Widths, List<object[]> Rows)[]
        {
            ("Tổng hợp", $"Tổng hợp quyết toán kinh phí năm {d.Year} theo nguồn", ["STT", "Nguồn", "Dự toán (đ)", "Đã chi (đ)", "Quỹ: dư đầu năm (đ)", "Quỹ: thu (đ)", "Quỹ: chi (đ)", "Quỹ: dư cuối năm (đ)"],
                [6, 26, 16, 16, 16, 16, 16, 16], sourceRows),
            ("Kinh phí", $"Kinh phí xây dựng xã hội học tập năm {d.Year}", ["STT", "Nguồn", "Nội dung", "Dự toán (đ)", "Đã chi (đ)", "Còn lại (đ)", "Ghi chú"],
                [6, 22, 40, 16, 16, 16, 20], budgetRows),
            ("Quỹ khuyến học", $"Thu, chi Quỹ khuyến học năm {d.Year}", ["STT", "Ngày", "Số chứng từ", "Thu/Chi", "Mục", "Nguồn", "Người nộp/nhận", "Nội dung", "Thu (đ)", "Chi (đ)"],
                [6, 12, 12, 8, 16, 20, 26, 36, 14, 14], fundRows),
        };
        return Setup.XlsxWorkbook.Write(Stylesheet(), HeaderRow,
            sheets.Select(s => (s.Name, Sheet(d, s.Title, s.Header, s.Widths, s.Rows), s.Header.Length > 6)));
    }

    private static Worksheet Sheet(SettlementData d, string title, string[] header, double[] widths, List<object[]> rows)
    {
        var data = new SheetData();
        data.Append(Setup.XlsxWorkbook.Row(1, [$"ỦY BAN NHÂN DÂN XÃ {d.Commune.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}"], _ => BoldPlain));
        data.Append(Setup.XlsxWorkbook.Row(2, [title], _ => Title));
        data.Append(Setup.XlsxWorkbook.Row(3, [$"Đơn vị tính: đồng. Số liệu ngày {VnTime.FormatDate(d.Date)}."], _ => Normal));
        var heading = Setup.XlsxWorkbook.Row(HeaderRow, header.Cast<object>().ToArray(), _ => Heading);
        heading.Height = 32;
        heading.CustomHeight = true;
        data.Append(heading);
        var index = HeaderRow + 1;
        foreach (var row in rows)
        {
            var total = row.Contains("Cộng");
            data.Append(Setup.XlsxWorkbook.Row(index++, row, c => c switch
            {
                long => total ? BoldMoney : Money,
                DateOnly => Date,
                _ => total ? BoldText : Text,
            }));
        }
        var columns = new Columns(widths.Select((w, c) => new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = w, CustomWidth = true }));
        return new Worksheet(columns, data);
    }

    // [$-42A] is the Vietnamese locale: "1.250.000" and 05/12/2026 in LibreOffice and in Excel set to vi-VN.
    private static Stylesheet Stylesheet()
    {
        static Font Font(bool bold, double size = 11) => bold
            ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "Times New Roman" })
            : new Font(new FontSize { Val = size }, new FontName { Val = "Times New Roman" });
        static CellFormat Format(uint numberFormat, uint font, uint border, bool wrap = false) => new()
        {
            NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = border, ApplyNumberFormat = numberFormat != 0, ApplyFont = true,
            ApplyBorder = border != 0, ApplyAlignment = true,
            Alignment = wrap
                ? new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }
                : new Alignment { WrapText = border != 0, Vertical = VerticalAlignmentValues.Top },
        };
        var thin = new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 165, FormatCode = "[$-42A]#,##0" },
                new NumberingFormat { NumberFormatId = 166, FormatCode = "[$-42A]dd/mm/yyyy" }) { Count = 2 },
            new Fonts(Font(false), Font(true), Font(true, 13)) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellFormats(
                Format(0, 0, 0), Format(0, 2, 0), Format(165, 0, 1), Format(166, 0, 1), Format(0, 1, 1, wrap: true),
                Format(0, 0, 1), Format(0, 1, 1), Format(165, 1, 1), Format(0, 1, 0)) { Count = 9 });
    }
}
