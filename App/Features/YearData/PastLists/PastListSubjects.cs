using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Scoring.ResultsImport;

namespace HocTapSuotDoi.Features.YearData.PastLists;

// A subject a row of a list names: Name is what the registration and the decision's list keep, Who how a message names
// it in the middle of a sentence.
public sealed record FoundSubject(int Id, int? VillageId, string Name, string Who);

// The columns of each title's list: a code first (the register's), then what names the subject when the code is missing.
public static class PastListColumns
{
    public static IReadOnlyList<string> For(Title title) => ScoringTexts.SubjectOf(title) switch
    {
        SubjectKind.Household => ["Mã hộ", "Chủ hộ", "Thôn"],
        SubjectKind.Clan => ["Mã dòng họ", "Tên dòng họ", "Thôn"],
        SubjectKind.Village => ["Mã thôn", "Tên thôn"],
        SubjectKind.Unit => ["Mã đơn vị", "Tên đơn vị"],
        SubjectKind.Person => ["Số định danh", "Họ và tên", "Năm sinh", "Thôn"],
        _ => ["Mã xã", "Tên xã"],
    };

    // The sentence of the page that says how a row is found.
    public static string Rule(Title title) => ScoringTexts.SubjectOf(title) switch
    {
        SubjectKind.Household => "mỗi dòng một hộ, nhận biết theo mã hộ, hoặc theo tên chủ hộ và thôn",
        SubjectKind.Clan => "mỗi dòng một dòng họ, nhận biết theo mã dòng họ (DH0001, như trong tệp mẫu kết quả), hoặc theo tên dòng họ; "
            + "nếu có hai dòng họ trùng tên thì ghi thêm thôn có hộ thành viên",
        SubjectKind.Village => "mỗi dòng một thôn, nhận biết theo mã thôn hoặc tên thôn",
        SubjectKind.Unit => "mỗi dòng một đơn vị, nhận biết theo mã đơn vị hoặc tên đơn vị",
        SubjectKind.Person => "mỗi dòng một người, nhận biết theo số định danh, hoặc theo họ tên và thôn (ghi thêm năm sinh khi thôn có người trùng tên)",
        _ => "một dòng cho xã, theo mã xã hoặc tên xã",
    };
}

// Finds the subject a row names, in the caller's commune, or says in Vietnamese why it cannot: not found, or ambiguous
// (with what to add to tell them apart). Villages, clans and units are few and read once; households and people are
// looked up row by row through their indexed search keys.
internal sealed class PastListSubjects(AppDbContext db, int communeId, SubjectKind kind)
{
    private sealed record Place(int Id, string Code, string Name);

    private List<Place> _villages = [];
    private List<(int Id, string Name, string Key)> _clans = [];
    private List<(int Id, string Code, string Name, string Key, int? VillageId)> _units = [];

    public static async Task<PastListSubjects> LoadAsync(AppDbContext db, int communeId, SubjectKind kind, CancellationToken ct)
    {
        var subjects = new PastListSubjects(db, communeId, kind)
        {
            _villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == communeId).OrderBy(v => v.SortOrder)
                .Select(v => new Place(v.Id, v.Code, v.Name)).ToListAsync(ct),
        };
        if (kind == SubjectKind.Clan)
        {
            subjects._clans = (await db.Clans.AsNoTracking().Where(c => c.CommuneId == communeId).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                .Select(c => (c.Id, c.Name, VietnameseText.SearchKey(c.Name))).ToList();
        }
        if (kind == SubjectKind.Unit)
        {
            subjects._units = (await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).Select(u => new { u.Id, u.Code, u.Name, u.VillageId }).ToListAsync(ct))
                .Select(u => (u.Id, u.Code, u.Name, VietnameseText.SearchKey(u.Name), u.VillageId)).ToList();
        }
        return subjects;
    }

    public string VillageName(int? id) => _villages.FirstOrDefault(v => v.Id == id)?.Name ?? "";

    public static bool IsEmpty(SheetRow row) => Enumerable.Range(0, row.Values.Length).All(i => row.Text(i).Trim().Length == 0);

    public Task<(FoundSubject? Subject, string? Error)> FindAsync(SheetRow row, CancellationToken ct)
    {
        var cells = Enumerable.Range(0, row.Values.Length).Select(i => row.Text(i).Trim()).ToArray();
        var line = $"Dòng {row.Number}: ";
        return kind switch
        {
            SubjectKind.Household => HouseholdAsync(line, cells[0], cells[1], cells[2], ct),
            SubjectKind.Clan => ClanAsync(line, cells[0], cells[1], cells[2], ct),
            SubjectKind.Village => Task.FromResult(Village(line, cells[0], cells[1])),
            SubjectKind.Unit => Task.FromResult(Unit(line, cells[0], cells[1])),
            SubjectKind.Person => PersonAsync(line, cells[0], cells[1], cells[2], cells[3], ct),
            _ => CommuneAsync(line, cells[0], cells[1], ct),
        };
    }

    private static (FoundSubject?, string?) Error(string message) => (null, message);

    private Place? VillageByText(string text)
    {
        var key = VietnameseText.SearchKey(text);
        return _villages.FirstOrDefault(v => string.Equals(v.Code, text, StringComparison.OrdinalIgnoreCase))
            ?? _villages.FirstOrDefault(v => VietnameseText.SearchKey(v.Name) == key);
    }

    private async Task<(FoundSubject?, string?)> HouseholdAsync(string line, string code, string head, string villageText, CancellationToken ct)
    {
        Household? household;
        if (code.Length > 0)
        {
            household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.CommuneId == communeId && h.Code == code, ct);
            if (household is null)
            {
                return Error($"{line}không tìm thấy hộ có mã {code}.");
            }
        }
        else if (head.Length == 0 || villageText.Length == 0)
        {
            return Error($"{line}hãy ghi mã hộ, hoặc tên chủ hộ và thôn.");
        }
        else
        {
            if (VillageByText(villageText) is not { } village)
            {
                return Error($"{line}không tìm thấy thôn {villageText}.");
            }
            var headKey = VietnameseText.SearchKey(head);
            var found = await db.Households.AsNoTracking().Where(h => h.VillageId == village.Id && h.HeadNameSearch == headKey).Take(2).ToListAsync(ct);
            if (found.Count != 1)
            {
                return Error(found.Count == 0
                    ? $"{line}không tìm thấy hộ {head} ở thôn {village.Name}."
                    : $"{line}thôn {village.Name} có nhiều hộ chủ hộ tên {head}: hãy ghi mã hộ.");
            }
            household = found[0];
        }
        return (new FoundSubject(household.Id, household.VillageId, $"Hộ {household.HeadName} ({household.Code})", $"hộ {household.HeadName} ({household.Code})"), null);
    }

    private async Task<(FoundSubject?, string?)> ClanAsync(string line, string code, string name, string villageText, CancellationToken ct)
    {
        (int Id, string Name, string Key) clan;
        if (code.Length > 0)
        {
            var match = _clans.Where(c => string.Equals(ResultsSubjects.ClanCode(c.Id), code, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                return Error($"{line}không tìm thấy dòng họ có mã {code}.");
            }
            clan = match[0];
        }
        else if (name.Length == 0)
        {
            return Error($"{line}hãy ghi mã dòng họ hoặc tên dòng họ.");
        }
        else
        {
            var key = VietnameseText.SearchKey(name);
            var named = _clans.Where(c => c.Key == key).ToList();
            if (named.Count > 1 && villageText.Length > 0)
            {
                if (VillageByText(villageText) is not { } village)
                {
                    return Error($"{line}không tìm thấy thôn {villageText}.");
                }
                var ids = named.Select(c => c.Id).ToList();
                var there = await db.Set<Clans.ClanMember>().AsNoTracking()
                    .Where(m => ids.Contains(m.ClanId) && m.Household!.VillageId == village.Id).Select(m => m.ClanId).Distinct().ToListAsync(ct);
                named = named.Where(c => there.Contains(c.Id)).ToList();
            }
            if (named.Count != 1)
            {
                return Error(named.Count == 0
                    ? $"{line}không tìm thấy dòng họ {name}{(villageText.Length > 0 ? $" có hộ ở thôn {villageText}" : "")}."
                    : $"{line}có nhiều dòng họ tên {name}: hãy ghi mã dòng họ{(villageText.Length > 0 ? "" : " hoặc thôn")}.");
            }
            clan = named[0];
        }
        return (new FoundSubject(clan.Id, null, clan.Name, $"dòng họ {clan.Name}"), null);
    }

    private (FoundSubject?, string?) Village(string line, string code, string name)
    {
        if (code.Length == 0 && name.Length == 0)
        {
            return Error($"{line}hãy ghi mã thôn hoặc tên thôn.");
        }
        var key = VietnameseText.SearchKey(name);
        var village = code.Length > 0
            ? _villages.FirstOrDefault(v => string.Equals(v.Code, code, StringComparison.OrdinalIgnoreCase))
            : _villages.FirstOrDefault(v => VietnameseText.SearchKey(v.Name) == key);
        return village is null
            ? Error(code.Length > 0 ? $"{line}không tìm thấy thôn có mã {code}." : $"{line}không tìm thấy thôn {name}.")
            : (new FoundSubject(village.Id, village.Id, village.Name, $"thôn {village.Name}"), null);
    }

    private (FoundSubject?, string?) Unit(string line, string code, string name)
    {
        if (code.Length == 0 && name.Length == 0)
        {
            return Error($"{line}hãy ghi mã đơn vị hoặc tên đơn vị.");
        }
        var key = VietnameseText.SearchKey(name);
        var units = code.Length > 0
            ? _units.Where(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase)).ToList()
            : _units.Where(u => u.Key == key).ToList();
        if (units.Count != 1)
        {
            return Error(units.Count > 1
                ? $"{line}có nhiều đơn vị tên {name}: hãy ghi mã đơn vị."
                : code.Length > 0 ? $"{line}không tìm thấy đơn vị có mã {code}." : $"{line}không tìm thấy đơn vị {name}.");
        }
        var unit = units[0];
        return (new FoundSubject(unit.Id, unit.VillageId, unit.Name, $"đơn vị {unit.Name}"), null);
    }

    private async Task<(FoundSubject?, string?)> PersonAsync(string line, string nationalId, string fullName, string birthYearText, string villageText, CancellationToken ct)
    {
        var people = db.People.AsNoTracking().Where(p => p.Household!.CommuneId == communeId);
        if (nationalId.Length > 0)
        {
            people = people.Where(p => p.NationalId == nationalId);
        }
        else if (fullName.Length == 0 || villageText.Length == 0)
        {
            return Error($"{line}hãy ghi số định danh, hoặc họ tên và thôn.");
        }
        else
        {
            if (VillageByText(villageText) is not { } village)
            {
                return Error($"{line}không tìm thấy thôn {villageText}.");
            }
            var key = VietnameseText.SearchKey(fullName);
            people = people.Where(p => p.FullNameSearch == key && p.Household!.VillageId == village.Id);
            if (birthYearText.Length > 0)
            {
                if (!int.TryParse(birthYearText, System.Globalization.NumberStyles.None, VnTime.Culture, out var birthYear))
                {
                    return Error($"{line}năm sinh \"{birthYearText}\" không phải là một năm (ví dụ 1980).");
                }
                people = people.Where(p => p.BirthYear == birthYear);
            }
        }
        var found = await people.Select(p => new { p.Id, p.FullName, p.BirthYear, p.Household!.VillageId }).Take(2).ToListAsync(ct);
        if (found.Count != 1)
        {
            var born = birthYearText.Length > 0 ? $" sinh năm {birthYearText}" : "";
            var place = villageText.Length > 0 ? $" ở thôn {VillageByText(villageText)?.Name}" : "";
            return Error(found.Count == 0
                ? nationalId.Length > 0 ? $"{line}không tìm thấy người có số định danh {nationalId}." : $"{line}không tìm thấy {fullName}{born}{place}."
                : $"{line}có nhiều người tên {fullName}{born}{place}: hãy ghi {(born.Length == 0 ? "năm sinh hoặc " : "")}số định danh.");
        }
        var person = found[0];
        var year = person.BirthYear is { } y ? $"sinh năm {y}, " : "";
        return (new FoundSubject(person.Id, person.VillageId, person.FullName, $"{person.FullName} ({year}thôn {VillageName(person.VillageId)})"), null);
    }

    private async Task<(FoundSubject?, string?)> CommuneAsync(string line, string code, string name, CancellationToken ct)
    {
        var commune = await db.Communes.AsNoTracking().Where(c => c.Id == communeId).Select(c => new { c.Id, c.Code, c.Name }).SingleAsync(ct);
        var key = VietnameseText.SearchKey(name);
        var matches = code.Length > 0
            ? string.Equals(code, commune.Code, StringComparison.OrdinalIgnoreCase)
            : name.Length > 0 && (key == VietnameseText.SearchKey(commune.Name) || key == VietnameseText.SearchKey("Xã " + commune.Name));
        return matches
            ? (new FoundSubject(commune.Id, null, "Xã " + commune.Name, "xã " + commune.Name), null)
            : Error($"{line}chỉ nhập được danh sách của xã {commune.Name} (mã {commune.Code}).");
    }
}
