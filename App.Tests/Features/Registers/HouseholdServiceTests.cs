using FluentValidation;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Registers;

public sealed class HouseholdServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(AsyncServiceScope Scope, HouseholdService Households)> AdminAsync()
    {
        var scope = await app.AsUserAsync("admin@camtan.vn");
        return (scope, scope.ServiceProvider.GetRequiredService<HouseholdService>());
    }

    [Fact]
    public async Task New_household_gets_the_next_code_of_its_village()
    {
        var first = await app.AddHouseholdAsync("T05", "Bùi Văn Một");
        var second = await app.AddHouseholdAsync("T05", "Bùi Văn Hai");
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        Assert.Equal("T05-0001", (await households.GetAsync(first)).Form.Code);
        Assert.Equal("T05-0002", (await households.GetAsync(second)).Form.Code);
    }

    [Fact]
    public async Task Same_head_in_the_same_village_is_reported_not_doubled()
    {
        await app.AddHouseholdAsync("T06", "Đỗ Văn Trùng");
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        var t06 = await app.VillageIdAsync("T06");
        // The same name, diacritics included: case, spacing and the Unicode form (NFD, as some keyboards type) aside.
        foreach (var same in new[] { "ĐỖ VĂN TRÙNG", "  đỗ văn  trùng ", "Đỗ Văn Trùng".Normalize(System.Text.NormalizationForm.FormD) })
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => households.SaveAsync(new HouseholdForm { VillageId = t06, HeadName = same }));
            Assert.StartsWith("Đã có hộ của chủ hộ Đỗ Văn Trùng ở Thôn Tân Bình (mã T06-", error.Message);
        }
        // "Vẫn lưu" does not let the very same name through.
        await Assert.ThrowsAsync<ValidationException>(() => households.SaveAsync(new HouseholdForm { VillageId = t06, HeadName = "Đỗ Văn Trùng", ConfirmedSimilarName = "Đỗ Văn Trùng" }));
        var otherVillage = await households.SaveAsync(new HouseholdForm { VillageId = await app.VillageIdAsync("T07"), HeadName = "Đỗ Văn Trùng" });
        Assert.True(otherVillage > 0);
    }

    [Fact]
    public async Task Names_that_differ_only_in_diacritics_are_two_households_once_the_user_confirms()
    {
        var thanh = await app.AddHouseholdAsync("T07", "Nguyễn Tấn Thanh");
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        var t07 = await app.VillageIdAsync("T07");
        var code = (await households.GetAsync(thanh)).Form.Code;

        var warning = await Assert.ThrowsAsync<SimilarHouseholdsException>(() => households.SaveAsync(new HouseholdForm { VillageId = t07, HeadName = "Nguyễn Tấn Thành" }));
        Assert.Equal([new SimilarHousehold(code, "Nguyễn Tấn Thanh")], warning.Similar);
        Assert.Contains("Nguyễn Tấn Thanh (mã " + code + ")", warning.Message);
        Assert.Contains("Vẫn lưu", warning.Message);
        // A confirmation given for another name does not carry over to this one.
        await Assert.ThrowsAsync<SimilarHouseholdsException>(() => households.SaveAsync(new HouseholdForm
        {
            VillageId = t07, HeadName = "Nguyễn Tấn Thành", ConfirmedSimilarName = "Nguyễn Tân Thanh",
        }));

        var thanh2 = await households.SaveAsync(new HouseholdForm { VillageId = t07, HeadName = "Nguyễn Tấn Thành", ConfirmedSimilarName = "Nguyễn Tấn Thành" });
        Assert.NotEqual(thanh, thanh2);
        Assert.Equal("Nguyễn Tấn Thành", (await households.GetAsync(thanh2)).Form.HeadName);
        // An edit that keeps the confirmed name is not asked again; renaming the other household to it is.
        var form = (await households.GetAsync(thanh2)).Form;
        form.Address = "Xóm 2";
        await households.SaveAsync(form);
        var other = await app.AddHouseholdAsync("T07", "Nguyễn Tấn Thạnh", confirm: true);
        var rename = (await households.GetAsync(other)).Form;
        rename.HeadName = "Nguyễn Tấn Thánh";
        await Assert.ThrowsAsync<SimilarHouseholdsException>(() => households.SaveAsync(rename));
    }

    [Fact]
    public async Task A_name_typed_with_combining_marks_is_stored_as_the_same_letters()
    {
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        var id = await households.SaveAsync(new HouseholdForm
        {
            VillageId = await app.VillageIdAsync("T08"), HeadName = " Hoàng Thị Hạnh ".Normalize(System.Text.NormalizationForm.FormD),
        });
        Assert.Equal("Hoàng Thị Hạnh", (await households.GetAsync(id)).Form.HeadName);
        Assert.True((await households.GetAsync(id)).Form.HeadName.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public async Task A_name_with_an_emoji_is_saved_and_one_with_a_zero_width_character_is_refused_in_Vietnamese()
    {
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        var village = await app.VillageIdAsync("T08");
        var id = await households.SaveAsync(new HouseholdForm { VillageId = village, HeadName = "Hà Văn Vui 😀" });
        Assert.Equal("Hà Văn Vui 😀", (await households.GetAsync(id)).Form.HeadName);
        await households.SavePersonAsync(new PersonForm
        {
            HouseholdId = id, FullName = "Hà Thị Cười 🌸", BirthYear = 1990, Sex = Sex.Female, Relation = Relation.Spouse,
        });
        Assert.Contains((await households.GetAsync(id)).Members, m => m.FullName == "Hà Thị Cười 🌸");

        var hidden = await Assert.ThrowsAsync<ValidationException>(() => households.SaveAsync(new HouseholdForm { VillageId = village, HeadName = "Hà Văn\u200BẨn" }));
        Assert.Equal("Họ và tên chủ hộ có ký tự ẩn hoặc ký tự điều khiển (thường do sao chép từ nơi khác): hãy xoá và gõ lại.",
            Assert.Single(hidden.Errors).ErrorMessage);
        var control = await Assert.ThrowsAsync<ValidationException>(() => households.SavePersonAsync(new PersonForm
        {
            HouseholdId = id, FullName = "Hà Văn\u0007 Chuông", BirthYear = 1990, Sex = Sex.Male, Relation = Relation.Child,
        }));
        Assert.Equal("Họ và tên có ký tự ẩn hoặc ký tự điều khiển (thường do sao chép từ nơi khác): hãy xoá và gõ lại.",
            Assert.Single(control.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Bad_person_input_gets_Vietnamese_messages_and_nothing_is_saved()
    {
        var id = await app.AddHouseholdAsync("T08", "Lý Văn Kiểm");
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        var error = await Assert.ThrowsAsync<ValidationException>(() => households.SavePersonAsync(new PersonForm
        {
            HouseholdId = id, FullName = "Kiểm", BirthYear = 2999, NationalId = "12345", School = SchoolAttendance.Attending,
        }));
        var messages = error.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("Hãy nhập đủ họ và tên (ví dụ: Nguyễn Văn An).", messages);
        Assert.Contains("Năm sinh phải từ 1900 đến năm nay.", messages);
        Assert.Contains("Hãy chọn giới tính.", messages);
        Assert.Contains("Hãy chọn quan hệ với chủ hộ.", messages);
        Assert.Contains("Số CCCD/CMND phải gồm 12 (hoặc 9) chữ số.", messages);
        // Only the head typed on the household form is there.
        Assert.Equal("Lý Văn Kiểm", Assert.Single((await households.GetAsync(id)).Members).FullName);
    }

    [Fact]
    public async Task The_same_national_id_cannot_be_given_to_two_people()
    {
        var id = await app.AddHouseholdAsync("T09", "Hà Văn Căn");
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        await households.SavePersonAsync(new PersonForm { HouseholdId = id, FullName = "Hà Văn Căn", Sex = Sex.Male, BirthYear = 1960, Relation = Relation.Head, NationalId = "038060001234" });
        var error = await Assert.ThrowsAsync<ValidationException>(() => households.SavePersonAsync(new PersonForm
        {
            HouseholdId = id, FullName = "Hà Thị Cước", Sex = Sex.Female, BirthYear = 1962, Relation = Relation.Spouse, NationalId = "038060001234",
        }));
        Assert.Equal("Số CCCD 038060001234 đã có trong sổ (một người khác).", error.Message);
    }

    [Fact]
    public async Task A_concurrent_edit_is_detected_and_the_first_save_is_kept()
    {
        var id = await app.AddHouseholdAsync("T10", "Mai Văn Song");
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        var first = (await households.GetAsync(id)).Form;
        var second = (await households.GetAsync(id)).Form;
        first.Address = "Xóm Đông";
        await households.SaveAsync(first);
        second.Address = "Xóm Tây";
        var stale = await Assert.ThrowsAsync<StaleEditException>(() => households.SaveAsync(second));
        Assert.Contains("vừa được người khác sửa", stale.Message);
        Assert.Equal("Xóm Đông", (await households.GetAsync(id)).Form.Address);
    }

    [Fact]
    public async Task Status_changes_are_kept_as_history_with_who_and_when()
    {
        var id = await app.AddHouseholdAsync("T04", "Cao Văn Chuyển", ("Cao Văn Chuyển", Sex.Male, 1950, Relation.Head));
        var (scope, households) = await AdminAsync();
        await using var _ = scope;
        var detail = await households.GetAsync(id);
        await households.ChangeStatusAsync(new StatusForm { Id = id, Version = detail.Form.Version, Status = (int)HouseholdStatus.MovedAway, Date = new DateTime(2026, 10, 1) });
        var member = detail.Members.Single();
        await households.ChangePersonStatusAsync(new StatusForm { Id = member.Id, Version = member.Version, Status = (int)PersonStatus.Deceased, Date = new DateTime(2026, 9, 15) });

        var after = await households.GetAsync(id);
        Assert.Equal(HouseholdStatus.MovedAway, after.Status);
        Assert.Equal(new DateOnly(2026, 10, 1), after.StatusDate);
        Assert.Equal(PersonStatus.Deceased, after.Members.Single().Status);
        var history = await households.HistoryAsync(id);
        Assert.Contains(history, h => h.EntityType == "Household" && h.Changes.Contains("Status: Resident → MovedAway") && h.By == "admin@camtan.vn");
        Assert.Contains(history, h => h.EntityType == "Person" && h.Changes.Contains("Status: Living → Deceased"));
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_case_and_d_matches_đ_in_the_database()
    {
        await app.AddHouseholdAsync("T03", "Nguyễn Văn An", ("Nguyễn Văn An", Sex.Male, 1980, Relation.Head), ("Đặng Thị Đào", Sex.Female, 1982, Relation.Spouse));
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        foreach (var query in new[] { "nguyen van an", "Nguyễn Văn An", "NGUYEN VĂN an", "van an" })
        {
            var found = await people.ListAsync(new PersonQuery(query), new PageRequest());
            Assert.Contains(found.Items, p => p.FullName == "Nguyễn Văn An");
        }
        var dao = await people.ListAsync(new PersonQuery("dang thi dao"), new PageRequest());
        Assert.Equal("Đặng Thị Đào", Assert.Single(dao.Items).FullName);
        var households = await scope.ServiceProvider.GetRequiredService<HouseholdService>().ListAsync(new HouseholdQuery("nguyen van an"), new PageRequest());
        Assert.Contains(households.Items, h => h.HeadName == "Nguyễn Văn An");
    }

    [Fact]
    public async Task Lists_sort_by_given_name_by_default_and_by_family_name_as_an_option()
    {
        await app.AddHouseholdAsync("T02", "Trần Văn Bảo", ("Trần Văn Bảo", Sex.Male, 1971, Relation.Head));
        await app.AddHouseholdAsync("T02", "Âu Thị Yến", ("Âu Thị Yến", Sex.Female, 1972, Relation.Head));
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var villageId = await app.VillageIdAsync("T02");
        var byGiven = await people.ListAsync(new PersonQuery(VillageId: villageId), new PageRequest(PageSize: 100));
        var names = byGiven.Items.Select(p => p.FullName).ToList();
        Assert.True(names.IndexOf("Trần Văn Bảo") < names.IndexOf("Âu Thị Yến"));
        var byFamily = await people.ListAsync(new PersonQuery(VillageId: villageId, Order: NameOrder.FamilyName), new PageRequest(PageSize: 100));
        names = byFamily.Items.Select(p => p.FullName).ToList();
        Assert.True(names.IndexOf("Âu Thị Yến") < names.IndexOf("Trần Văn Bảo"));
    }

    [Fact]
    public async Task Clan_spans_villages_and_village_counts_are_live()
    {
        var a = await app.AddHouseholdAsync("T01", "Phùng Văn Họ", ("Phùng Văn Họ", Sex.Male, 1955, Relation.Head));
        var b = await app.AddHouseholdAsync("T03", "Phùng Văn Hàng", ("Phùng Văn Hàng", Sex.Male, 1958, Relation.Head));
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        var clans = scope.ServiceProvider.GetRequiredService<ClanService>();
        var id = await clans.SaveAsync(new ClanForm { Name = "Dòng họ Phùng Văn", HeadName = "Phùng Văn Họ", HouseholdIds = [a, b] });
        var row = (await clans.ListAsync("phung")).Single(c => c.Id == id);
        Assert.Equal(2, row.Households);
        Assert.Equal("Thôn Tân Hòa, Thôn Tân Lập", row.Villages);

        var villages = await scope.ServiceProvider.GetRequiredService<VillageService>().ListAsync();
        Assert.True(villages.Single(v => v.Code == "T01").Clans >= 1);
        Assert.True(villages.Single(v => v.Code == "T03").Clans >= 1);

        var duplicate = await Assert.ThrowsAsync<ValidationException>(() => clans.SaveAsync(new ClanForm { Name = "dòng họ phùng văn", HeadName = "X Y" }));
        Assert.Equal("Đã có dòng họ tên \"dòng họ phùng văn\" trong xã.", duplicate.Message);

        // A scorer scoped to villages sees the clan (a member lives in T01) but may not edit it.
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var scorerClans = scorer.ServiceProvider.GetRequiredService<ClanService>();
        var (form, _, canEdit) = await scorerClans.GetAsync(id);
        Assert.False(canEdit);
        await Assert.ThrowsAsync<ForbiddenException>(() => scorerClans.SaveAsync(form));
    }
}
