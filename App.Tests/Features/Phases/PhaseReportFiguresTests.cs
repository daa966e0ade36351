using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Phases;
using HocTapSuotDoi.Features.YearData;
using HocTapSuotDoi.Tests.Features.Documents;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Phases;

// The sơ kết shows each year of the phase as the dashboard's trend does: a year before the app with its entered figures.
public sealed class PhaseReportFiguresTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Figures_entered_for_2023_show_in_the_phase_1_review_for_that_year_marked_as_entered()
    {
        await using (var committee = await app.AsUserAsync("bcd@camtan.vn"))
        {
            await committee.ServiceProvider.GetRequiredService<PastYearFigureService>().SaveAsync(new PastFigureForm
            {
                Year = 2023, Title = Title.FamilyLearning, Total = 1_200, Recognised = 780, Source = "Báo cáo tổng kết năm 2023 của Ban chỉ đạo",
            });
        }

        await using var viewer = await app.AsUserAsync("xem@camtan.vn");
        var phases = viewer.ServiceProvider.GetRequiredService<PhaseReportService>();
        var point = (await phases.BuildAsync(1)).Figures.Single(p => p.Year == 2023 && p.Title == Title.FamilyLearning);
        Assert.True(point.Entered);
        Assert.Equal((1_200, 780), (point.Counts.Total, point.Counts.Recognised));

        var lines = LibreOffice.Lines(LibreOffice.ToPdf((await phases.DocxAsync(1)).Content, "so-ket.docx")).Select(LibreOffice.Flat).ToList();
        // 780 of 1 200 households: 65,00 %, in the 2023 column of the Gia đình học tập row; the two-line cell sits around
        // the line of the title, which is centred in the row.
        var row = lines.FindIndex(l => l.TrimStart().StartsWith("Gia đình học tập", StringComparison.Ordinal));
        Assert.True(row >= 1, string.Join('\n', lines));
        var cell = lines.Skip(row - 1).Take(3).ToList();
        Assert.Contains(cell, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"(^|\s)780(\s|$)"));
        Assert.Contains(cell, l => l.Contains("65,00 %"));
        Assert.Contains("Số liệu năm 2023 là số liệu nhập từ báo cáo của năm đó (nguồn: Báo cáo tổng kết năm 2023 của Ban chỉ đạo).",
            LibreOffice.Flat(string.Join('\n', lines)));
    }
}
