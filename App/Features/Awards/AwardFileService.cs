using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Registers.Excel;

namespace HocTapSuotDoi.Features.Awards;

// The round's documents: the commune's award decision (.docx) and the proposal to the level above (.docx + .xlsx),
// made from the proposals the council approved. Readers of the round may download them.
public sealed class AwardFileService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{

    public async Task<DownloadFile> DecisionDocxAsync(int roundId, CancellationToken ct = default)
    {
        var data = await LoadAsync(roundId, ct);
        // The document is the issued decision: its number, date and signer, and the list locked with it.
        if (!data.Round.DecisionIssued || data.Round.DecisionNumber is not { } number)
        {
            throw new ValidationException("Quyết định khen thưởng chưa ban hành: hãy ghi số, ngày, người ký và bấm “Ban hành quyết định” trước khi tải.");
        }
        if (!data.Approved.Any(p => p.Form == AwardForm.CommuneCertificate))
        {
            throw new ValidationException("Chưa có đề nghị Giấy khen nào được Hội đồng đồng ý.");
        }
        return new DownloadFile($"quyet-dinh-khen-thuong-{number}-qd-ubnd-{data.Round.Year}.docx", Downloads.DocxType,
            AwardDocx.Decision(data, DocumentLayout.Load().Decision));
    }

    public async Task<DownloadFile> SubmissionDocxAsync(int roundId, CancellationToken ct = default)
    {
        var data = await LoadSubmissionAsync(roundId, ct);
        return new DownloadFile($"to-trinh-de-nghi-khen-thuong-{data.Round.Year}.docx", Downloads.DocxType, AwardDocx.Submission(data, DocumentLayout.Load().Decision));
    }

    public async Task<DownloadFile> SubmissionXlsxAsync(int roundId, CancellationToken ct = default)
    {
        var data = await LoadSubmissionAsync(roundId, ct);
        var sheet = new ExcelSheet("Đề nghị khen thưởng", ["STT", "Hình thức khen thưởng", "Đối tượng", "Tên tập thể, hộ, cá nhân", "Thôn", "Tóm tắt thành tích", "Ý kiến Hội đồng"]);
        var i = 0;
        foreach (var p in data.Approved.Where(p => p.Form != AwardForm.CommuneCertificate)
                     .OrderByDescending(p => p.Form).ThenBy(p => AwardTexts.CategoryOf(p.SubjectKind)).ThenBy(p => p.Id))
        {
            sheet.Add(++i, AwardTexts.Form(p.Form), AwardTexts.Category(AwardTexts.CategoryOf(p.SubjectKind)), AwardDocx.Awardee(p.SubjectKind, p.SubjectName),
                p.VillageName, p.Achievements, p.CouncilNote.Length > 0 ? p.CouncilNote : "Đồng ý");
        }
        return new DownloadFile($"danh-sach-de-nghi-khen-thuong-{data.Round.Year}.xlsx", Downloads.XlsxType, sheet.ToBytes());
    }

    private async Task<AwardDocumentData> LoadSubmissionAsync(int roundId, CancellationToken ct = default)
    {
        var data = await LoadAsync(roundId, ct);
        if (data.Round.SubmissionNumber is null || data.Round.SubmissionDate is null || data.Round.SignerName.Length == 0)
        {
            throw new ValidationException("Hãy ghi số, ngày tờ trình và người ký trước khi tải hồ sơ đề nghị cấp trên.");
        }
        if (!data.Approved.Any(p => p.Form != AwardForm.CommuneCertificate))
        {
            throw new ValidationException("Chưa có đề nghị Bằng khen nào được Hội đồng đồng ý.");
        }
        return data;
    }

    private async Task<AwardDocumentData> LoadAsync(int roundId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(AwardService.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<AwardRound>().AsNoTracking().Include(r => r.Proposals)
            .SingleOrDefaultAsync(r => r.Id == roundId && r.CommuneId == scope.CommuneId, ct) ?? throw new ForbiddenException(AwardService.NotFound);
        // Bằng khen of the province are asked of the provincial People's Committee (not the steering committee above).
        var (commune, province) = await db.Communes.AsNoTracking().Where(c => c.Id == scope.CommuneId)
            .Select(c => new ValueTuple<string, string>(c.Name, c.Province!.Name)).SingleAsync(ct);
        var approved = round.Proposals.Where(p => p.Status == AwardProposalStatus.Approved).OrderBy(p => p.Id).ToList();
        return new AwardDocumentData(commune, $"Ủy ban nhân dân tỉnh {province}", round, approved);
    }
}
