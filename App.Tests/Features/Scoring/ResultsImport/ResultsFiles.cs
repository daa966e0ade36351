using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HocTapSuotDoi.Tests.Features.Scoring.ResultsImport;

// A results file as a person fills it: the downloaded template read back, cells changed by header, saved again as .xlsx.
public static class ResultsFiles
{
    public static List<Dictionary<string, object?>> Read(byte[] template)
    {
        using var stream = new MemoryStream(template);
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r)).ToList();
    }

    public static IReadOnlyList<string> Headers(byte[] template)
    {
        using var stream = new MemoryStream(template);
        return MiniExcel.GetColumns(stream, useHeaderRow: true).ToList();
    }

    public static MemoryStream Write(IReadOnlyList<string> headers, IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        var table = new System.Data.DataTable();
        foreach (var header in headers)
        {
            table.Columns.Add(header, typeof(object));
        }
        foreach (var row in rows)
        {
            table.Rows.Add(headers.Select(h => row.GetValueOrDefault(h) ?? DBNull.Value).ToArray());
        }
        MiniExcel.SaveAs(stream, table);
        stream.Position = 0;
        return stream;
    }

    // The column of an item, found by its code: "1.2 Kết quả học tập … (0–10, bước 0,5)".
    public static string Item(IReadOnlyList<string> headers, string code) => headers.Single(h => h.StartsWith(code + " ", StringComparison.Ordinal));

    /// <summary>Registers households for a title and year without a sheet, as "đăng ký" does.</summary>
    public static async Task<List<int>> RegisterAsync(this AppFactory app, int year, IReadOnlyList<int> householdIds)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id);
        db.Actor = "dữ liệu kiểm thử";
        await using var transaction = await db.Database.BeginTransactionAsync();
        var registrations = householdIds.Select(id =>
        {
            var h = households[id];
            var name = $"Hộ {h.HeadName} ({h.Code})";
            return new Registration
            {
                CommuneId = h.CommuneId, Year = year, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household, SubjectId = h.Id,
                VillageId = h.VillageId, SubjectName = name, SubjectSearch = VietnameseText.SearchKey(name), RegisteredOn = new DateOnly(year, 2, 1),
            };
        }).ToList();
        BulkInsert.Insert(db, registrations);
        await transaction.CommitAsync();
        return registrations.Select(r => r.Id).ToList();
    }

    // Every item of the GĐHT set, as a person types it (comma, dot, or a number cell): 94 points, or 67 (not meeting).
    public static void Score(Dictionary<string, object?> row, IReadOnlyList<string> headers, bool meets = true)
    {
        foreach (var header in headers.Skip(3).Take(headers.Count - 4))
        {
            row[header] = header.StartsWith("1.1 ", StringComparison.Ordinal) ? "Đạt"
                : header.Contains("(0–10", StringComparison.Ordinal) ? (meets ? "9,5" : "5")
                : header.StartsWith('3') ? "4.5" : (object)4.5;
        }
    }
}
