using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Security;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.YearData.PastLists;

// The recognised subjects of a past year from the list attached to its decision: each household named in the file gets
// a registration and an evaluation "Đã công nhận" of that year, in a decision recorded with the given number and date
// and marked as imported from a list (its Bases line says so; it was not drafted in the app). A preview checks every
// row and writes nothing; the write is all or nothing; rows already in the decision are left as they are, so the same
// file imported again changes nothing. Administrators and the committee only.
public sealed class PastListService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock, PastYearFigureService years)
{
    public static readonly string[] Editors = [Roles.Administrator, Roles.Committee];
    public static IReadOnlyList<Title> Titles { get; } = [Title.FamilyLearning];
    public static readonly IReadOnlyList<string> Headers = ["Mã hộ", "Chủ hộ", "Thôn"];
    // The first line of Bases of a decision recorded from a list: how such a decision is told from one drafted here.
    public const string ImportedMarker = "Công nhận (nhập từ danh sách)";

    public IReadOnlyList<int> Years() => years.Years();

    public async Task<PastListPreview> PreviewAsync(PastListForm form, Stream file, string fileName, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Editors);
        await new PastListFormValidator().ValidateAndThrowAsync(form, ct);
        if (!Years().Contains(form.Year))
        {
            throw new ValidationException($"Chỉ nhập danh sách của các năm trước năm làm việc hiện tại (từ {Years().LastOrDefault()} đến {Years().FirstOrDefault()}).");
        }
        var (number, symbol) = form.ParsedNumber()!.Value;
        var preview = new PastListPreview
        {
            Year = form.Year, Title = form.Title, Number = number, Symbol = symbol ?? DecisionDefaults.Symbol,
            IssuedOn = DateOnly.FromDateTime(form.DecisionDate!.Value), FileName = fileName,
        };
        var content = await ExcelSheetReader.ReadAsync(file, Headers, $"danh sách {form.Title.DisplayName()} năm {form.Year}", null, ct);
        if (content.Error is not null)
        {
            preview.Errors.Add(content.Error);
            return preview;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decision = await DecisionAsync(db, scope, preview, ct);
        if (decision.Error is not null)
        {
            preview.Errors.Add(decision.Error);
        }
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == scope.CommuneId)
            .Select(v => new { v.Id, v.Code, v.Name }).ToListAsync(ct);
        var villageNames = villages.ToDictionary(v => v.Id, v => v.Name);
        var existing = await db.Set<Registration>().AsNoTracking()
            .Where(r => r.CommuneId == scope.CommuneId && r.Year == form.Year && r.Title == form.Title && r.SubjectKind == SubjectKind.Household)
            .Select(r => new { r.SubjectId, Status = r.Evaluation == null ? (EvaluationStatus?)null : r.Evaluation.Status, EvaluationId = r.Evaluation == null ? 0 : r.Evaluation.Id })
            .ToDictionaryAsync(r => r.SubjectId, ct);
        var inDecision = decision.Id is { } decisionId
            ? (await db.Set<DecisionSubject>().AsNoTracking().Where(s => s.DecisionId == decisionId).Select(s => s.EvaluationId).ToListAsync(ct)).ToHashSet()
            : [];
        var seen = new Dictionary<int, int>();
        foreach (var row in content.Rows)
        {
            var (code, head, villageText) = (row.Text(0).Trim(), row.Text(1).Trim(), row.Text(2).Trim());
            if (code.Length == 0 && head.Length == 0 && villageText.Length == 0)
            {
                continue;
            }
            Household? household;
            if (code.Length > 0)
            {
                household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.CommuneId == scope.CommuneId && h.Code == code, ct);
                if (household is null)
                {
                    preview.Errors.Add($"Dòng {row.Number}: không tìm thấy hộ có mã {code}.");
                    continue;
                }
            }
            else if (head.Length == 0 || villageText.Length == 0)
            {
                preview.Errors.Add($"Dòng {row.Number}: hãy ghi mã hộ, hoặc tên chủ hộ và thôn.");
                continue;
            }
            else
            {
                var key = VietnameseText.SearchKey(villageText);
                var village = villages.FirstOrDefault(v => VietnameseText.SearchKey(v.Name) == key || string.Equals(v.Code, villageText, StringComparison.OrdinalIgnoreCase));
                if (village is null)
                {
                    preview.Errors.Add($"Dòng {row.Number}: không tìm thấy thôn {villageText}.");
                    continue;
                }
                var headKey = VietnameseText.SearchKey(head);
                var found = await db.Households.AsNoTracking().Where(h => h.VillageId == village.Id && h.HeadNameSearch == headKey).Take(2).ToListAsync(ct);
                if (found.Count != 1)
                {
                    preview.Errors.Add(found.Count == 0
                        ? $"Dòng {row.Number}: không tìm thấy hộ {head} ở thôn {village.Name}."
                        : $"Dòng {row.Number}: thôn {village.Name} có nhiều hộ chủ hộ tên {head}: hãy ghi mã hộ.");
                    continue;
                }
                household = found[0];
            }
            var who = $"hộ {household.HeadName} ({household.Code})";
            if (seen.TryGetValue(household.Id, out var first))
            {
                preview.Errors.Add($"Dòng {row.Number}: {who} trùng với dòng {first}.");
                continue;
            }
            seen[household.Id] = row.Number;
            if (existing.TryGetValue(household.Id, out var registered))
            {
                if (registered.Status == EvaluationStatus.Recognised && inDecision.Contains(registered.EvaluationId))
                {
                    preview.Unchanged++;
                }
                else
                {
                    preview.Errors.Add(registered.Status == EvaluationStatus.Recognised
                        ? $"Dòng {row.Number}: {who} đã được công nhận năm {form.Year} (theo quyết định khác)."
                        : $"Dòng {row.Number}: {who} đã có hồ sơ {form.Title.DisplayName()} năm {form.Year} trong phần mềm ({registered.Status?.Text() ?? "chưa chấm"}).");
                }
                continue;
            }
            preview.New.Add(new PastListSubject(row.Number, household.Id, household.VillageId, $"Hộ {household.HeadName} ({household.Code})",
                villageNames.GetValueOrDefault(household.VillageId, "")));
        }
        if (preview.New.Count > 0 && !await db.Set<Registration>().AnyAsync(r => r.CommuneId == scope.CommuneId && r.Year == form.Year, ct)
            && await db.Set<PastYearFigure>().AnyAsync(f => f.CommuneId == scope.CommuneId && f.Year == form.Year, ct))
        {
            preview.Notice = $"Năm {form.Year} đang có số liệu nhập từ báo cáo. Sau khi ghi, trang chủ và báo cáo năm {form.Year} tính theo hồ sơ trong phần mềm "
                + "(chỉ gồm các danh sách đã nhập) thay cho số liệu nhập đó.";
        }
        if (preview.New.Count == 0 && preview.Unchanged == 0 && preview.Errors.Count == 0)
        {
            preview.Errors.Add("Tệp không có dòng nào.");
        }
        return preview;
    }

    /// <returns>The number of households written ("0 thay đổi" for a file already imported).</returns>
    public async Task<int> WriteAsync(PastListPreview preview, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Editors);
        if (!preview.CanWrite || preview.Written)
        {
            throw new ValidationException(preview.Written ? "Tệp này đã được ghi rồi." : "Tệp còn lỗi: chưa ghi gì. Hãy sửa tệp rồi tải lên lại.");
        }
        if (preview.New.Count == 0)
        {
            preview.Written = true;
            return 0;
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await DecisionAsync(db, scope, preview, ct);
        if (found.Error is not null)
        {
            throw new ValidationException(found.Error);
        }
        var ids = preview.New.Select(s => s.HouseholdId).ToList();
        if (await db.Set<Registration>().AnyAsync(r => r.CommuneId == scope.CommuneId && r.Year == preview.Year && r.Title == preview.Title
                && r.SubjectKind == SubjectKind.Household && ids.Contains(r.SubjectId), ct))
        {
            throw new StaleEditException("Có hộ vừa được người khác đăng ký hoặc nhập cho năm này. Chưa ghi gì: hãy tải tệp lên lại để kiểm tra.");
        }
        var set = await CriteriaSetService.ActiveForAsync(db, preview.Title, preview.Year)
            ?? throw new ValidationException($"Chưa có bộ tiêu chí \"{preview.Title.DisplayName()}\" cho năm {preview.Year}. Hãy báo quản trị viên.");
        var decision = found.Id is { } id
            ? await db.Set<Decision>().Include(d => d.Subjects).SingleAsync(d => d.Id == id, ct)
            : db.Set<Decision>().Add(new Decision
            {
                CommuneId = scope.CommuneId, Title = preview.Title, Year = preview.Year, Number = preview.Number, Symbol = preview.Symbol,
                IssuedOn = preview.IssuedOn, IssuedYear = preview.IssuedOn.Year, Bases = $"{ImportedMarker}: tệp {preview.FileName}",
            }).Entity;
        var reason = Cut($"công nhận (nhập từ danh sách) theo quyết định số {preview.FullNumber} ngày {preview.IssuedOn.ToString("dd/MM/yyyy", VnTime.Culture)}, tệp {preview.FileName}");
        foreach (var subject in preview.New)
        {
            var registration = new Registration
            {
                CommuneId = scope.CommuneId, Year = preview.Year, Title = preview.Title, SubjectKind = SubjectKind.Household, SubjectId = subject.HouseholdId,
                VillageId = subject.VillageId, SubjectName = subject.Name, SubjectSearch = VietnameseText.SearchKey(subject.Name),
                SubjectSortKey = VietnameseText.GivenNameSortKey(subject.Name), RegisteredOn = preview.IssuedOn,
            };
            var evaluation = new Evaluation { Registration = registration, CriteriaSetId = set.Id, Status = EvaluationStatus.Recognised, MeetsCriteria = true };
            db.Add(registration);
            db.Add(evaluation);
            decision.Subjects.Add(new DecisionSubject
            {
                Evaluation = evaluation, SortOrder = decision.Subjects.Count + 1, SubjectName = subject.Name, VillageName = subject.Village,
                CertificateCode = VerificationCode.New(),
            });
        }
        await db.SaveChangesAsync(ct);
        foreach (var subject in decision.Subjects.Where(s => s.Evaluation is not null))
        {
            db.Add(new EvaluationAudit { EvaluationId = subject.EvaluationId, AtUtc = now, By = scope.Name, What = "Trạng thái", Old = "Chưa chấm", New = EvaluationStatus.Recognised.Text(), Reason = reason });
        }
        db.ChangeLogs.Add(new ChangeLog
        {
            EntityType = nameof(Decision), EntityId = decision.Id.ToString(VnTime.Culture), Action = "Nhập danh sách", By = scope.Name, AtUtc = now,
            Changes = Cut(string.Create(VnTime.Culture, $"Nhập danh sách {preview.Title.DisplayName()} năm {preview.Year}: {preview.New.Count:N0} hộ được công nhận theo quyết định số {preview.FullNumber}, tệp {preview.FileName}.")),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        preview.Written = true;
        return preview.New.Count;
    }

    // The decision the list belongs to: the one recorded before from a list with this number, or none yet. A number of
    // the signing year already taken by another decision is refused.
    private static async Task<(int? Id, string? Error)> DecisionAsync(AppDbContext db, UserScope scope, PastListPreview preview, CancellationToken ct)
    {
        var same = await db.Set<Decision>().AsNoTracking()
            .Where(d => d.CommuneId == scope.CommuneId && d.IssuedYear == preview.IssuedOn.Year && d.Number == preview.Number)
            .Select(d => new { d.Id, d.Title, d.Year, d.IssuedOn, d.Bases }).SingleOrDefaultAsync(ct);
        if (same is null)
        {
            return (null, null);
        }
        return same.Bases.StartsWith(ImportedMarker, StringComparison.Ordinal) && same.Title == preview.Title && same.Year == preview.Year && same.IssuedOn == preview.IssuedOn
            ? (same.Id, null)
            : (null, $"Số quyết định {preview.Number} năm {preview.IssuedOn.Year} đã có trong phần mềm ({same.Title.DisplayName()} năm {same.Year}, ký ngày {same.IssuedOn.ToString("dd/MM/yyyy", VnTime.Culture)}). Hãy kiểm tra lại số và ngày ký.");
    }

    private static string Cut(string text) => text.Length > 1000 ? text[..1000] : text;
}
