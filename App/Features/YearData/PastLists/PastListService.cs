using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.YearData.PastLists;

// The recognised subjects of a past year from the list attached to its decision: each subject named in the file (household, clan, village,
// the commune, unit or person: PastListSubjects) gets
// a registration and an evaluation "Đã công nhận" of that year, in a decision recorded with the given number and date
// and marked as imported from a list (its Bases line says so; it was not drafted in the app). A preview checks every
// row and writes nothing; the write is all or nothing; rows already in the decision are left as they are, so the same
// file imported again changes nothing. Administrators and the committee only.
public sealed class PastListService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock, PastYearFigureService years)
{
    public static readonly string[] Editors = [Roles.Administrator, Roles.Committee];
    public static IReadOnlyList<Title> Titles { get; } =
        [Title.FamilyLearning, Title.ClanLearning, Title.VillageCommunity, Title.CommuneCommunity, Title.UnitLearning, Title.CitizenLearning];
    // The first line of Bases of a decision recorded from a list: how such a decision is told from one drafted here.
    public const string ImportedMarker = Decision.ImportedMarker;

    public IReadOnlyList<int> Years() => years.Years();

    // The empty list of a title: its header row only, so nothing in it is imported by mistake.
    public async Task<ExcelFile> TemplateAsync(Title title, CancellationToken ct = default)
    {
        await currentUser.RequireScopeAsync(Editors);
        var sheet = new ExcelSheet("Danh sách công nhận", PastListColumns.For(title));
        return new ExcelFile($"mau-danh-sach-{Seeding.TextKeys.Code(title.DisplayName()).ToLowerInvariant()}.xlsx", sheet.ToBytes());
    }

    public const string TemplatePath = "/so-lieu-cac-nam-truoc/nhap-danh-sach/mau.xlsx";

    public static string TemplateUrl(Title title) => $"{TemplatePath}?danh-hieu={title}";

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
        var content = await ExcelSheetReader.ReadAsync(file, PastListColumns.For(form.Title), $"danh sách {form.Title.DisplayName()} năm {form.Year}", null, ct);
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
        if (await SetForAsync(db, form.Title, form.Year, ct) is null)
        {
            preview.Errors.Add(NoSet(form.Title));
        }
        var kind = ScoringTexts.SubjectOf(form.Title);
        var subjects = await PastListSubjects.LoadAsync(db, scope.CommuneId, kind, ct);
        var existing = await db.Set<Registration>().AsNoTracking()
            .Where(r => r.CommuneId == scope.CommuneId && r.Year == form.Year && r.Title == form.Title && r.SubjectKind == kind)
            .Select(r => new { r.SubjectId, Status = r.Evaluation == null ? (EvaluationStatus?)null : r.Evaluation.Status, EvaluationId = r.Evaluation == null ? 0 : r.Evaluation.Id })
            .ToDictionaryAsync(r => r.SubjectId, ct);
        var inDecision = decision.Id is { } decisionId
            ? (await db.Set<DecisionSubject>().AsNoTracking().Where(s => s.DecisionId == decisionId).Select(s => s.EvaluationId).ToListAsync(ct)).ToHashSet()
            : [];
        var inYear = await ExistingInAsync(db, scope.CommuneId, kind, form.Year, ct);
        var seen = new Dictionary<int, int>();
        foreach (var row in content.Rows)
        {
            if (PastListSubjects.IsEmpty(row))
            {
                continue;
            }
            var (subject, error) = await subjects.FindAsync(row, ct);
            if (subject is null)
            {
                preview.Errors.Add(error!);
                continue;
            }
            if (seen.TryGetValue(subject.Id, out var first))
            {
                preview.Errors.Add($"Dòng {row.Number}: {subject.Who} trùng với dòng {first}.");
                continue;
            }
            seen[subject.Id] = row.Number;
            if (inYear is not null && !inYear.Contains(subject.Id))
            {
                preview.Errors.Add(NotInYear(row.Number, subject.Who, kind, form.Year));
                continue;
            }
            if (existing.TryGetValue(subject.Id, out var registered))
            {
                if (registered.Status == EvaluationStatus.Recognised && inDecision.Contains(registered.EvaluationId))
                {
                    preview.Unchanged++;
                }
                else
                {
                    preview.Errors.Add(registered.Status == EvaluationStatus.Recognised
                        ? $"Dòng {row.Number}: {subject.Who} đã được công nhận năm {form.Year} (theo quyết định khác)."
                        : $"Dòng {row.Number}: {subject.Who} đã có hồ sơ {form.Title.DisplayName()} năm {form.Year} trong phần mềm ({registered.Status?.Text() ?? "chưa chấm"}).");
                }
                continue;
            }
            preview.New.Add(new PastListSubject(row.Number, subject.Id, subject.VillageId, subject.Name, subjects.VillageName(subject.VillageId)));
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

    /// <returns>The number of subjects written ("0 thay đổi" for a file already imported).</returns>
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
        var kind = ScoringTexts.SubjectOf(preview.Title);
        var noun = RegistrationCandidates.Noun(kind);
        var ids = preview.New.Select(s => s.SubjectId).ToList();
        if (await db.Set<Registration>().AnyAsync(r => r.CommuneId == scope.CommuneId && r.Year == preview.Year && r.Title == preview.Title
                && r.SubjectKind == kind && ids.Contains(r.SubjectId), ct))
        {
            throw new StaleEditException($"Có {noun} vừa được người khác đăng ký hoặc nhập cho năm này. Chưa ghi gì: hãy tải tệp lên lại để kiểm tra.");
        }
        var set = await SetForAsync(db, preview.Title, preview.Year, ct)
            ?? throw new ValidationException(NoSet(preview.Title));
        var decision = found.Id is { } id
            ? await db.Set<Decision>().Include(d => d.Subjects).SingleAsync(d => d.Id == id, ct)
            : db.Set<Decision>().Add(new Decision
            {
                CommuneId = scope.CommuneId, Title = preview.Title, Year = preview.Year, Number = preview.Number, Symbol = preview.Symbol,
                IssuedOn = preview.IssuedOn, IssuedYear = preview.IssuedOn.Year, Bases = $"{ImportedMarker}: tệp {preview.FileName}",
            }).Entity;
        var reason = Cut($"{ImportedMarker} theo Quyết định số {preview.FullNumber} ngày {preview.IssuedOn.ToString("dd/MM/yyyy", VnTime.Culture)}, tệp {preview.FileName}");
        foreach (var subject in preview.New)
        {
            var registration = new Registration
            {
                CommuneId = scope.CommuneId, Year = preview.Year, Title = preview.Title, SubjectKind = kind, SubjectId = subject.SubjectId,
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
            Changes = Cut(string.Create(VnTime.Culture, $"Nhập danh sách {preview.Title.DisplayName()} năm {preview.Year}: {preview.New.Count:N0} {noun} được công nhận theo quyết định số {preview.FullNumber}, tệp {preview.FileName}.")),
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

    // The evaluation of a recognition decided outside the app needs a criteria set to point to: the one of the year, or
    // for a year before the title's first set in the app (Công dân học tập before 2023, say) the earliest active one.
    // Nothing is scored with it; the list was decided by the criteria of its time.
    private static async Task<CriteriaSet?> SetForAsync(AppDbContext db, Title title, int year, CancellationToken ct) =>
        await CriteriaSetService.ActiveForAsync(db, title, year, ct)
        ?? await db.Set<CriteriaSet>().AsNoTracking().Where(s => s.Title == title && s.Status == CriteriaSetStatus.Active)
            .OrderBy(s => s.FromYear).FirstOrDefaultAsync(ct);

    // A year's figures count what was in the register on 31/12 of that year (YearRule): a recognition written for a
    // household typed in since, or one that had left by then, would count nowhere, so the row is refused instead.
    private static async Task<HashSet<int>?> ExistingInAsync(AppDbContext db, int communeId, SubjectKind kind, int year, CancellationToken ct) => kind switch
    {
        SubjectKind.Household => (await db.Households.Where(h => h.CommuneId == communeId).ExistingIn(year).Select(h => h.Id).ToListAsync(ct)).ToHashSet(),
        SubjectKind.Person => (await db.People.Where(p => p.Household!.CommuneId == communeId).ExistingIn(year).Select(p => p.Id).ToListAsync(ct)).ToHashSet(),
        SubjectKind.Unit => (await db.Units.Where(u => u.CommuneId == communeId).ExistingIn(year).Select(u => u.Id).ToListAsync(ct)).ToHashSet(),
        SubjectKind.Village => (await db.Villages.Where(v => v.CommuneId == communeId).ExistingIn(year).Select(v => v.Id).ToListAsync(ct)).ToHashSet(),
        SubjectKind.Clan => (await db.Clans.Where(c => c.CommuneId == communeId).ExistingIn(db.Households, year).Select(c => c.Id).ToListAsync(ct)).ToHashSet(),
        _ => null,
    };

    private static string NotInYear(int row, string who, SubjectKind kind, int year) =>
        $"Dòng {row}: {who} không có trong sổ năm {year} (vào sổ sau 31/12/{year} hoặc đã ra khỏi sổ trước đó)." + kind switch
        {
            SubjectKind.Household => " Nếu hộ đã có từ trước, hãy sửa ngày vào sổ trên trang của hộ rồi tải tệp lên lại.",
            SubjectKind.Person => " Nếu người này đã có từ trước, hãy sửa ngày vào sổ của hộ rồi tải tệp lên lại.",
            SubjectKind.Clan => " Dòng họ được tính trong năm khi còn hộ thành viên có trong sổ năm đó.",
            SubjectKind.Village => " Nếu thôn đã có từ trước, hãy sửa ngày thành lập của thôn (trang Thôn, tổ dân phố) rồi tải tệp lên lại.",
            _ => "",
        };

    private static string NoSet(Title title) => $"Chưa có bộ tiêu chí \"{title.DisplayName()}\" nào đang dùng. Hãy báo quản trị viên.";

    private static string Cut(string text) => text.Length > 1000 ? text[..1000] : text;
}
