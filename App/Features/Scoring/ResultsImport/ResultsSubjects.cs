using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring.ResultsImport;

// A registered subject of the title and year as the results file names it (its code), with its sheet as stored now.
internal sealed record RegisteredSubject(
    int RegistrationId, SubjectKind Kind, int SubjectId, string Code, string Name, int? VillageId, string Village, int VillageOrder,
    int? EvaluationId, int Version, int? CriteriaSetId, EvaluationStatus? Status, string AnswersJson, bool CanScore)
{
    // "hộ Lê Văn Thử (T03-0012)": the subject as a message names it in the middle of a sentence.
    public string Who => Kind == SubjectKind.Household && Name.StartsWith("Hộ ", StringComparison.Ordinal) ? "hộ " + Name[3..] : Name;
}

// Everything the template and the check need, in a few set-based queries (30.000 registrations: one pass each).
internal sealed class ResultsSubjects
{
    public required IReadOnlyDictionary<string, RegisteredSubject> ByCode { get; init; }

    // Codes of the register's subjects of the title's kind, registered or not, to tell "unknown" from "not registered".
    public required IReadOnlySet<string> KnownCodes { get; init; }

    // Clans have no code in the register: the file names them by their number.
    public static string ClanCode(int id) => $"DH{id:0000}";

    public static async Task<ResultsSubjects> LoadAsync(AppDbContext db, UserScope scope, Title title, int year, CancellationToken ct)
    {
        var kind = ScoringTexts.SubjectOf(title);
        var codes = await CodesAsync(db, scope.CommuneId, kind, ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == scope.CommuneId)
            .Select(v => new { v.Id, v.Name, v.SortOrder }).ToDictionaryAsync(v => v.Id, ct);
        var rows = await db.Set<Registration>().AsNoTracking()
            .Where(r => r.CommuneId == scope.CommuneId && r.Title == title && r.Year == year)
            .Select(r => new
            {
                r.Id, r.SubjectKind, r.SubjectId, r.SubjectName, r.VillageId,
                EvaluationId = r.Evaluation == null ? (int?)null : r.Evaluation.Id,
                Version = r.Evaluation == null ? 0 : r.Evaluation.Version,
                CriteriaSetId = r.Evaluation == null ? (int?)null : r.Evaluation.CriteriaSetId,
                Status = r.Evaluation == null ? (EvaluationStatus?)null : r.Evaluation.Status,
                AnswersJson = r.Evaluation == null ? "{}" : r.Evaluation.AnswersJson,
            })
            .ToListAsync(ct);
        var byCode = new Dictionary<string, RegisteredSubject>(rows.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            if (!codes.TryGetValue(r.SubjectId, out var code))
            {
                continue;
            }
            var village = r.VillageId is { } v && villages.TryGetValue(v, out var found) ? found : null;
            var registration = new Registration { CommuneId = scope.CommuneId, Title = title, Year = year, SubjectKind = r.SubjectKind, SubjectId = r.SubjectId, VillageId = r.VillageId };
            byCode[code] = new RegisteredSubject(r.Id, r.SubjectKind, r.SubjectId, code, r.SubjectName, r.VillageId, village?.Name ?? "", village?.SortOrder ?? 0,
                r.EvaluationId, r.Version, r.CriteriaSetId, r.Status, r.AnswersJson, ScoringAccess.CanScore(scope, registration));
        }
        return new ResultsSubjects { ByCode = byCode, KnownCodes = codes.Values.ToHashSet(StringComparer.OrdinalIgnoreCase) };
    }

    private static async Task<Dictionary<int, string>> CodesAsync(AppDbContext db, int communeId, SubjectKind kind, CancellationToken ct) => kind switch
    {
        SubjectKind.Household => await db.Households.AsNoTracking().Where(h => h.CommuneId == communeId).ToDictionaryAsync(h => h.Id, h => h.Code, ct),
        SubjectKind.Village => await db.Villages.AsNoTracking().Where(v => v.CommuneId == communeId).ToDictionaryAsync(v => v.Id, v => v.Code, ct),
        SubjectKind.Clan => (await db.Clans.AsNoTracking().Where(c => c.CommuneId == communeId).Select(c => c.Id).ToListAsync(ct)).ToDictionary(id => id, ClanCode),
        _ => await db.Communes.AsNoTracking().Where(c => c.Id == communeId).ToDictionaryAsync(c => c.Id, c => c.Code, ct),
    };
}
