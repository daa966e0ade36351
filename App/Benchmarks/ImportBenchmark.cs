using System.Diagnostics;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Setup;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace HocTapSuotDoi.Benchmarks;

// "Nhập 5.000 hộ với 20.000 nhân khẩu từ .xlsx": writes such a file in the import template, then times the real
// importer (preview: read and check every row; commit: one transaction) in the app's own services on a fresh data folder.
public static class ImportBenchmark
{
    public static async Task<Measurement> RunAsync(TextWriter output, int households, int people, CancellationToken ct)
    {
        await using var host = await BenchmarkHost.StartAsync();
        var file = await WriteFileAsync(host.App.Services, households, people, ct);
        await using var scope = await host.AsAdministratorAsync();
        var importer = scope.ServiceProvider.GetRequiredService<RegisterImportService>();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await using var stream = new MemoryStream(file);
        var preview = await importer.PreviewHouseholdsAsync(stream, null, ct);
        var previewMs = clock.Elapsed.TotalMilliseconds;
        if (!preview.CanCommit)
        {
            throw new InvalidOperationException($"Tệp thử không nhập được: {preview.FileError} {string.Join("; ", preview.Errors.Take(5))}");
        }
        var result = await importer.CommitAsync(preview, null, ct);
        var totalMs = clock.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        output.WriteLine(string.Create(AppServices.Vietnamese,
            $"{(totalMs < 10_000 ? "✓" : "✗")} Nhập {result.Households:N0} hộ với {result.People:N0} nhân khẩu từ tệp .xlsx ({file.Length / 1024:N0} KB): " +
            $"{totalMs / 1000:N2} s (kiểm tra {previewMs / 1000:N2} s, ghi {(totalMs - previewMs) / 1000:N2} s), CPU {cpuMs / 1000:N2} s; mục tiêu dưới 10 s."));
        return new Measurement($"Nhập {result.Households:N0} hộ, {result.People:N0} nhân khẩu từ .xlsx", totalMs, totalMs, cpuMs, result.People, result.Households)
        {
            AimMs = 10_000,
        };
    }

    // A file in the import template: generated households with about four people each, in 20 new villages.
    private static async Task<byte[]> WriteFileAsync(IServiceProvider services, int householdCount, int peopleCount, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var commune = await db.Communes.OrderBy(c => c.Id).FirstAsync(ct);
        var villages = Enumerable.Range(1, 20).Select(i => new Village { CommuneId = commune.Id, Code = $"B{i:00}", Name = $"Thôn Thử {i}", SortOrder = i }).ToList();
        db.Villages.AddRange(villages);
        await db.SaveChangesAsync(ct);

        var generated = new RegisterGenerator().Generate(commune.Id, villages, peopleCount * 2 + 50);
        // One household per head and village: the importer rightly reports two as a duplicate.
        var households = generated.Households.Where(h => h.Status == HouseholdStatus.Resident)
            .DistinctBy(h => (h.VillageId, VietnameseText.SearchKey(h.HeadName)))
            .OrderByDescending(h => h.Members.Count).Take(householdCount).ToList();
        var names = villages.ToDictionary(v => v.Id, v => v.Name);
        var rows = new List<Dictionary<string, object>>();
        foreach (var household in households)
        {
            foreach (var person in household.Members.Take(Math.Max(1, (peopleCount - rows.Count) / Math.Max(1, householdCount - households.IndexOf(household)))))
            {
                rows.Add(new Dictionary<string, object>
                {
                    [RegisterColumns.HouseholdCode] = household.Code, [RegisterColumns.Village] = names[household.VillageId],
                    [RegisterColumns.HeadName] = household.HeadName, [RegisterColumns.Address] = household.Address, [RegisterColumns.Phone] = household.Phone,
                    [RegisterColumns.HouseholdStatus] = household.Status.Text(), [RegisterColumns.FullName] = person.FullName,
                    [RegisterColumns.Birth] = RegisterTexts.BirthText(person.BirthDate, person.BirthYear), [RegisterColumns.Sex] = person.Sex.Text(),
                    [RegisterColumns.Relation] = person.Relation.Text(), [RegisterColumns.Education] = person.Education.Text(),
                    [RegisterColumns.Literacy] = person.Literacy.Text(), [RegisterColumns.Occupation] = person.Occupation,
                    [RegisterColumns.TargetGroup] = person.TargetGroup.Text(), [RegisterColumns.School] = person.School.Text(),
                    [RegisterColumns.NationalId] = person.NationalId ?? "", [RegisterColumns.PersonStatus] = person.Status.Text(),
                });
            }
        }
        using var file = new MemoryStream();
        await MiniExcel.SaveAsAsync(file, rows, cancellationToken: ct);
        return file.ToArray();
    }
}
