using FluentValidation;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HocTapSuotDoi.Tests.Features.Registers.Excel.ExcelTestFiles;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

public sealed class HouseholdImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TanHoa = "Thôn Tân Hòa";
    private const string TanThanh = "Thôn Tân Thành";
    private const string TanLap = "Thôn Tân Lập";

    // A household of four: head, spouse, child, grandparent.
    private static IEnumerable<Line> Family(string village, string? code = null)
    {
        var head = new Line(code ?? Code(), village, Name()) { NationalId = NationalId() };
        return
        [
            head,
            head.Member("Lê Thị Hồng", "Vợ/Chồng", "Nữ", "02/09/1982"),
            head.Member("Nguyễn Minh Khôi", "Con", "Nam", "2012") with { School = "Đang đi học" },
            head.Member("Nguyễn Văn Tư", "Cha/Mẹ", "Nam", "1950") with { Education = "Chưa đi học", Literacy = "Chưa biết chữ" },
        ];
    }

    private async Task<ImportPreview> PreviewAsync(string email, Stream file)
    {
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(email);
        await using var _ = scope;
        return await import.PreviewHouseholdsAsync(file);
    }

    [Fact]
    public async Task Three_bad_rows_among_500_are_all_reported_with_row_and_column_and_nothing_is_written()
    {
        var lines = Enumerable.Range(0, 125).SelectMany(i => Family(i % 2 == 0 ? TanHoa : TanThanh)).ToList();
        lines[6] = lines[6] with { Sex = "Namm" };                          // row 8
        lines[199] = lines[199] with { Birth = "31/02/1990" };              // row 201
        lines[449] = lines[449] with { NationalId = "12345" };              // row 451
        var before = await app.CountsAsync();

        var preview = await PreviewAsync(Admin, Households(lines));

        Assert.Equal(500, preview.Rows);
        Assert.Null(preview.FileError);
        Assert.False(preview.CanCommit);
        Assert.Equal(
        [
            "Dòng 8, cột \"Giới tính\": \"Namm\" không phải là giá trị hợp lệ (Nam, Nữ)",
            "Dòng 201, cột \"Ngày sinh / Năm sinh\": \"31/02/1990\" không phải là ngày sinh (dd/MM/yyyy) hoặc năm sinh (yyyy).",
            "Dòng 451, cột \"Số CCCD\": Số CCCD/CMND phải gồm 12 (hoặc 9) chữ số.",
        ], preview.Errors.Select(e => e.ToString()));
        await Assert.ThrowsAsync<ValidationException>(async () =>
        {
            var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
            await using var _ = scope;
            await import.CommitAsync(preview);
        });
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_valid_file_is_written_with_keys_codes_and_one_change_log_line()
    {
        var families = Family(TanHoa).Concat(Family(TanThanh, code: "")).ToList();
        var withoutMembers = new Line(Code(), TanLap, Name()) { FullName = "", Birth = "", Sex = "", Relation = "", Education = "", Literacy = "",
            Occupation = "", TargetGroup = "", School = "", Status = "", HouseholdStatus = "Chuyển đi" };
        families.Add(withoutMembers);
        var before = await app.CountsAsync();
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        var progress = new List<ImportProgress>();
        var reporter = new SyncProgress(progress);

        var preview = await import.PreviewHouseholdsAsync(Households(families), reporter);
        Assert.Empty(preview.Errors);
        Assert.Equal(new ImportResult(3, 8, 0, 0), preview.Counts);
        var result = await import.CommitAsync(preview, reporter);

        Assert.Equal("3 hộ, 8 nhân khẩu", result.Summary);
        var after = await app.CountsAsync();
        Assert.Equal((before.Households + 3, before.People + 8, before.Logs + 1), (after.Households, after.People, after.Logs));
        Assert.Contains(progress, p => p.Stage == "Đang ghi vào sổ" && p.Percent == 100);
        await app.WithDbAsync(async db =>
        {
            var head = families[0];
            var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Code == head.Code);
            Assert.Equal(VietnameseText.SearchKey(head.Head), household.HeadNameSearch);
            Assert.Equal(VietnameseText.SortKey(head.Head), household.HeadNameSort);
            Assert.Equal(VietnameseText.GivenNameSortKey(head.Head), household.HeadGivenNameSort);
            Assert.Equal(["Chủ hộ", "Vợ/Chồng", "Con", "Cha/Mẹ"], household.Members.OrderBy(m => m.SortOrder).Select(m => m.Relation.Text()));
            var child = household.Members.Single(m => m.Relation == Relation.Child);
            Assert.Equal((null, 2012, SchoolAttendance.Attending), (child.BirthDate, child.BirthYear, child.School));
            Assert.Equal(VietnameseText.GivenNameSortKey("Nguyễn Minh Khôi"), child.GivenNameSort);
            Assert.Equal("nguyen minh khoi", child.FullNameSearch);
            var spouse = household.Members.Single(m => m.Relation == Relation.Spouse);
            Assert.Equal((new DateOnly(1982, 9, 2), 1982), (spouse.BirthDate, spouse.BirthYear));
            Assert.Equal(Actor(), household.CreatedBy);

            var generated = await db.Households.Include(h => h.Village).SingleAsync(h => h.HeadName == families[4].Head);
            Assert.Matches("^T02-[0-9]{4}$", generated.Code);
            var moved = await db.Households.Include(h => h.Members).SingleAsync(h => h.Code == withoutMembers.Code);
            Assert.Equal((HouseholdStatus.MovedAway, 0), (moved.Status, moved.Members.Count));

            var log = await db.ChangeLogs.OrderByDescending(c => c.Id).FirstAsync();
            Assert.Equal(("Nhập từ Excel: 3 hộ, 8 nhân khẩu", Admin), (log.Changes, log.By));
            Assert.Equal((1, Admin), (household.Version, household.UpdatedBy));
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            Assert.InRange(household.CreatedAtUtc, now.AddMinutes(-5), now);
            return 0;
        });

        // The imported rows are ordinary register rows: the forms edit them, with their version guarding concurrent edits.
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var id = await app.WithDbAsync(db => db.Households.Where(h => h.Code == families[0].Code).Select(h => h.Id).SingleAsync());
        var detail = await households.GetAsync(id);
        Assert.Equal(4, detail.Members.Count);
        detail.Form.Address = "Xóm 2";
        await households.SaveAsync(detail.Form);
        Assert.Equal(2, (await households.GetAsync(id)).Form.Version);
    }

    private static string Actor() => Admin;

    [Fact]
    public async Task Duplicates_within_the_file_are_reported()
    {
        var first = Family(TanHoa).ToList();
        var sameHead = new Line(Code(), TanHoa, first[0].Head.ToUpperInvariant()) { NationalId = first[0].NationalId };
        var disagreeing = first[1] with { Address = "Xóm 9" };
        var lines = first.Take(1).Append(disagreeing).Concat(first.Skip(2)).Append(sameHead).ToList();

        var preview = await PreviewAsync(Admin, Households(lines));

        Assert.Equal(
        [
            "Dòng 3, cột \"Địa chỉ\": \"Xóm 9\" khác với dòng 2 của cùng hộ (\"Xóm 1\"): các dòng của một hộ phải ghi giống nhau.",
            $"Dòng 6, cột \"Chủ hộ\": Trùng với hộ ở dòng 2: cùng chủ hộ, cùng thôn. Nếu là một hộ, hãy ghi cùng một mã hộ.",
            $"Dòng 6, cột \"Số CCCD\": Số CCCD {first[0].NationalId} trùng với dòng 2.",
        ], preview.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Duplicates_of_households_and_people_already_in_the_register_are_reported()
    {
        var existing = Family(TanHoa).ToList();
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        await import.CommitAsync(await import.PreviewHouseholdsAsync(Households(existing)));
        var again = new[]
        {
            new Line(existing[0].Code, TanThanh, Name()),
            new Line(Code(), TanHoa, existing[0].Head),
            new Line(Code(), TanThanh, Name()) { NationalId = existing[0].NationalId },
        };

        var preview = await import.PreviewHouseholdsAsync(Households(again));

        Assert.Equal(
        [
            $"Dòng 2, cột \"Mã hộ\": Mã hộ {existing[0].Code} đã có trong sổ.",
            $"Dòng 3, cột \"Chủ hộ\": Đã có hộ của chủ hộ {existing[0].Head} ở Thôn Tân Hòa trong sổ (mã {existing[0].Code}). Hãy kiểm tra lại, tránh nhập trùng.",
            $"Dòng 4, cột \"Số CCCD\": Số CCCD {existing[0].NationalId} đã có trong sổ (một người khác).",
        ], preview.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Heads_whose_names_differ_only_in_diacritics_are_warned_about_and_still_imported()
    {
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        var existing = new Line(Code(), TanHoa, "Nguyễn Tấn Thanh") { NationalId = NationalId() };
        await import.CommitAsync(await import.PreviewHouseholdsAsync(Households([existing])));
        // Without codes, rows are grouped by the exact name: these are two households, not one.
        var lines = new[]
        {
            new Line("", TanHoa, "Nguyễn Tấn Thành"),
            new Line("", TanHoa, "Nguyễn Tấn Thạnh"),
            new Line("", TanHoa, "Nguyễn Tấn Thành").Member("Lê Thị Mơ", "Vợ/Chồng", "Nữ", "1985"),
        };

        var preview = await import.PreviewHouseholdsAsync(Households(lines));

        Assert.Empty(preview.Errors);
        Assert.True(preview.CanCommit);
        Assert.Equal(new ImportResult(2, 3, 0, 0), preview.Counts);
        Assert.Equal(
        [
            $"Dòng 2, cột \"Chủ hộ\": Ở Thôn Tân Hòa đã có hộ có tên chủ hộ gần giống (chỉ khác dấu): Nguyễn Tấn Thanh (mã {existing.Code}). Vẫn nhập như một hộ khác; hãy kiểm tra lại tên.",
            "Dòng 3, cột \"Chủ hộ\": Tên chủ hộ gần giống hộ ở dòng 2 (Nguyễn Tấn Thành), cùng thôn, chỉ khác dấu. Vẫn nhập như một hộ khác; hãy kiểm tra lại tên.",
        ], preview.Warnings.Select(w => w.ToString()));

        await import.CommitAsync(preview);
        var heads = await app.WithDbAsync(db => db.Households.Where(h => h.HeadNameSearch == "nguyen tan thanh").OrderBy(h => h.Id).Select(h => h.HeadName).ToListAsync());
        Assert.Equal(["Nguyễn Tấn Thanh", "Nguyễn Tấn Thành", "Nguyễn Tấn Thạnh"], heads);
    }

    [Fact]
    public async Task The_same_head_name_with_its_diacritics_is_still_a_duplicate()
    {
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        var existing = new Line(Code(), TanThanh, "Phạm Thị Duyên") { NationalId = NationalId() };
        await import.CommitAsync(await import.PreviewHouseholdsAsync(Households([existing])));

        var preview = await import.PreviewHouseholdsAsync(Households([new Line(Code(), TanThanh, "PHẠM THỊ DUYÊN")]));

        Assert.False(preview.CanCommit);
        Assert.Equal([$"Dòng 2, cột \"Chủ hộ\": Đã có hộ của chủ hộ Phạm Thị Duyên ở Thôn Tân Thành trong sổ (mã {existing.Code}). Hãy kiểm tra lại, tránh nhập trùng."],
            preview.Errors.Select(e => e.ToString()));
        Assert.Empty(preview.Warnings);
    }

    [Fact]
    public async Task A_household_added_between_preview_and_commit_makes_the_commit_write_nothing()
    {
        var lines = Family(TanHoa).Concat(Family(TanThanh)).ToList();
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        var preview = await import.PreviewHouseholdsAsync(Households(lines));
        Assert.True(preview.CanCommit);
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var villageId = await app.WithDbAsync(db => db.Villages.Where(v => v.Name == TanThanh).Select(v => v.Id).SingleAsync());
        await households.SaveAsync(new HouseholdForm { Code = lines[4].Code, VillageId = villageId, HeadName = Name() });
        var before = await app.CountsAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => import.CommitAsync(preview));

        Assert.StartsWith("Sổ đã thay đổi từ lúc kiểm tra tệp", error.Message);
        Assert.Contains(error.Errors, e => e.ErrorMessage == $"Dòng 6, cột \"Mã hộ\": Mã hộ {lines[4].Code} đã có trong sổ.");
        Assert.Equal(before, await app.CountsAsync());
        Assert.False(await app.WithDbAsync(db => db.Households.AnyAsync(h => h.Code == lines[0].Code)));
    }

    [Fact]
    public async Task A_scorer_imports_only_into_the_villages_of_their_scope()
    {
        var outside = Family(TanLap).ToList();
        var inside = Family(TanHoa).ToList();
        var before = await app.CountsAsync();

        var refused = await PreviewAsync(Scorer, Households(inside.Concat(outside)));

        Assert.Equal(
            $"Dòng 6, cột \"Thôn\": \"Thôn Tân Lập\" không thuộc phạm vi của bạn: bạn chỉ được nhập hộ ở Thôn Tân Hòa, Thôn Tân Thành.",
            Assert.Single(refused.Errors).ToString());
        Assert.False(refused.CanCommit);
        Assert.Equal(before, await app.CountsAsync());

        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Scorer);
        await using var _ = scope;
        var result = await import.CommitAsync(await import.PreviewHouseholdsAsync(Households(inside)));
        Assert.Equal(1, result.Households);
        Assert.Equal(Scorer, await app.WithDbAsync(db => db.Households.Where(h => h.Code == inside[0].Code).Select(h => h.CreatedBy).SingleAsync()));
    }

    [Theory]
    [InlineData("xem@camtan.vn")]
    [InlineData("bcd@camtan.vn")]
    [InlineData("donvi@camtan.vn")]
    public async Task Readers_cannot_import_households(string email)
    {
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => PreviewAsync(email, Households(Family(TanHoa))));
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", error.Message);
    }

    [Fact]
    public async Task Two_living_heads_and_a_head_who_is_not_the_named_head_are_reported()
    {
        var head = new Line(Code(), TanHoa, Name());
        var lines = new[]
        {
            head,
            head.Member("Trần Văn Hai", "Chủ hộ", "Nam", "1970"),
            new Line(Code(), TanHoa, Name()) { FullName = "Phạm Văn Khác" },
        };

        var preview = await PreviewAsync(Admin, Households(lines));

        Assert.Equal(
        [
            "Dòng 3, cột \"Quan hệ với chủ hộ\": Hộ này đã có chủ hộ ở dòng 2.",
            $"Dòng 4, cột \"Họ và tên\": Người có quan hệ \"Chủ hộ\" phải là người ghi ở cột \"Chủ hộ\" (\"{lines[2].Head}\").",
        ], preview.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task A_national_id_that_Excel_stored_as_a_number_is_explained()
    {
        var cells = new Line(Code(), TanHoa, Name()).Cells;
        cells[RegisterColumns.Households.ToList().IndexOf(RegisterColumns.NationalId)] = 38080001234d;

        var preview = await PreviewAsync(Admin, Xlsx(RegisterColumns.Households, [cells]));

        Assert.Equal("Dòng 2, cột \"Số CCCD\": Excel đã lưu số CCCD 38080001234 dưới dạng số nên mất số 0 ở đầu. "
            + "Hãy định dạng cột \"Số CCCD\" là Văn bản (Text) rồi gõ lại số.", Assert.Single(preview.Errors).ToString());
    }

    // Progress<T> posts to the thread pool; the test wants every report, in order.
    private sealed class SyncProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
