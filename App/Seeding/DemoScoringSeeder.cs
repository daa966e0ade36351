using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.YearData;

namespace HocTapSuotDoi.Seeding;

// Registrations, evaluations and decisions of the demo commune for the last three years, made the way the commune makes
// them: every sheet is scored by the engine from answers and from the figures the app gathers (computed items read the
// recognitions already decided), only complete sheets are submitted and reviewed, and only reviewed sheets that meet
// their criteria are recognised, by a decision issued through DecisionService's own rules, title after title in the
// order of the dependencies (GĐHT and CDHT, then DHHT and ĐVHT, then CĐHT thôn, then CĐHT xã). Past years are decided;
// the current year is in progress: part of GĐHT decided, the rest waiting, later titles still being scored.
public sealed class DemoScoringSeeder(AppDbContext db, TimeProvider clock, int firstYear = 2016)
{
    private const string Signer = "Trịnh Đình Long";
    private readonly Random _random = new(2026_11_28);
    private readonly Dictionary<int, int> _decisionNumbers = [];
    private HashSet<int> _strong = [];

    public async Task SeedAsync(Commune commune, CancellationToken ct = default)
    {
        if (await db.Set<Registration>().AnyAsync(r => r.CommuneId == commune.Id, ct))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, VnTime.Zone).DateTime);
        var households = await db.Households.AsNoTracking().Where(h => h.CommuneId == commune.Id && h.Status == HouseholdStatus.Resident)
            .OrderBy(h => h.Id).Select(h => new Subject(h.Id, $"Hộ {h.HeadName} ({h.Code})", h.VillageId)).ToListAsync(ct);
        var people = await db.People.AsNoTracking()
            .Where(p => p.Household!.CommuneId == commune.Id && p.Household.Status == HouseholdStatus.Resident && p.Status == PersonStatus.Living && p.BirthYear != null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.FullName, p.Household!.VillageId, BirthYear = p.BirthYear!.Value, p.TargetGroup }).ToListAsync(ct);
        var clans = await db.Clans.AsNoTracking().Where(c => c.CommuneId == commune.Id).OrderBy(c => c.Id).Select(c => new Subject(c.Id, c.Name, null)).ToListAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == commune.Id).OrderBy(v => v.SortOrder).Select(v => new Subject(v.Id, v.Name, v.Id)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == commune.Id && u.Active).OrderBy(u => u.Id)
            .Select(u => new { Subject = new Subject(u.Id, u.Name, u.VillageId), u.StaffCount }).ToListAsync(ct);
        var groups = people.ToDictionary(p => p.Id, p => p.TargetGroup);
        // Learning runs in families: two clans in three and the first four villages are strong; their households register
        // almost all and score high, so clans and villages can reach their rates, as in a real commune.
        var clanOrder = clans.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var strongVillages = villages.Take(4).Select(v => v.Id).ToHashSet();
        var inStrongClan = (await db.ClanMembers.AsNoTracking().Where(m => m.Household!.CommuneId == commune.Id).Select(m => new { m.HouseholdId, m.ClanId }).ToListAsync(ct))
            .Where(m => clanOrder.GetValueOrDefault(m.ClanId) % 3 != 2).Select(m => m.HouseholdId).ToHashSet();
        _strong = households.Where(h => inStrongClan.Contains(h.Id) || h.VillageId is { } v && strongVillages.Contains(v)).Select(h => h.Id).ToHashSet();

        db.Actor = "dữ liệu mẫu";
        db.SkipChangeLog = true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var count = 0;
        for (var year = today.Year - 2; year <= today.Year; year++)
        {
            var current = year == today.Year;
            var share = 0.62 + 0.06 * (year - today.Year + 2);
            await AddFiguresAsync(commune.Id, year, villages, units.Select(u => (u.Subject.Id, u.StaffCount)).ToList(), ct);

            // 1. Households and citizens: nothing computed; past years decided in December, this year partly decided.
            var gdht = await ScoreAsync(commune.Id, year, Title.FamilyLearning, SubjectKind.Household, PickHouseholds(households, share + 0.15), current ? 0.8 : 1, null, ct);
            var adults = people.Where(p => p.BirthYear <= year - 15).Select(p => new Subject(p.Id, p.FullName, p.VillageId)).ToList();
            var cdht = await ScoreAsync(commune.Id, year, Title.CitizenLearning, SubjectKind.Person, Pick(adults, 0.1 + 0.05 * (year - today.Year + 2)),
                current ? 0.7 : 1, id => GroupCode(groups[id]), ct);
            await DecideAsync(commune, year, Title.FamilyLearning, gdht, current ? 0.7 : 1, DecisionDay(year, 12, 5, today), ct);
            await DecideAsync(commune, year, Title.CitizenLearning, cdht, current ? 0 : 1, DecisionDay(year, 12, 5, today), ct);

            // 2. Clans and units read this year's GĐHT and CDHT.
            var dhht = await ScoreAsync(commune.Id, year, Title.ClanLearning, SubjectKind.Clan, Pick(clans, share + 0.1), current ? 0.8 : 1, null, ct);
            var dvht = await ScoreAsync(commune.Id, year, Title.UnitLearning, SubjectKind.Unit, Pick(units.Select(u => u.Subject).ToList(), 0.85), current ? 0.4 : 1, null, ct);
            if (!current)
            {
                await DecideAsync(commune, year, Title.ClanLearning, dhht, 1, DecisionDay(year, 12, 12, today), ct);
                await DecideAsync(commune, year, Title.UnitLearning, dvht, 1, DecisionDay(year, 12, 12, today), ct);
            }

            // 3. Villages read households and clans; 4. the commune reads every title.
            var cdhtThon = await ScoreAsync(commune.Id, year, Title.VillageCommunity, SubjectKind.Village, Pick(villages, 0.9), current ? 0.3 : 1, null, ct);
            if (!current)
            {
                await DecideAsync(commune, year, Title.VillageCommunity, cdhtThon, 1, DecisionDay(year, 12, 20, today), ct);
            }
            var xa = await ScoreAsync(commune.Id, year, Title.CommuneCommunity, SubjectKind.Commune, [new Subject(commune.Id, $"Xã {commune.Name}", null)],
                current ? 0 : 1, null, ct);
            if (!current)
            {
                await DecideAsync(commune, year, Title.CommuneCommunity, xa, 1, DecisionDay(year, 12, 28, today), ct);
            }
            count += gdht.Count + cdht.Count + dhht.Count + dvht.Count + cdhtThon.Count + xa.Count;
        }
        await AddReportsAsync(commune, today, ct);
        await AddPastYearsAsync(commune.Id, today.Year - 3, households.Count, clans.Count, villages.Count, units.Count, people.Count(p => p.BirthYear <= today.Year - 15), ct);
        db.ChangeLogs.Add(new ChangeLog
        {
            EntityType = nameof(Commune), EntityId = commune.Id.ToString(CultureInfo.InvariantCulture), Action = "Thêm", By = db.Actor, AtUtc = now.UtcDateTime,
            Changes = $"Hồ sơ mẫu: {count} hồ sơ đăng ký, chấm điểm và quyết định công nhận {today.Year - 2}–{today.Year}.",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private sealed record Subject(int Id, string Name, int? VillageId);

    // The yearly reports of the units and villages (due 30/11): last year all sent, most on time; this year, once the
    // due date is near, most sent and a few late or missing, so the compliance board has every case. Figures are the
    // ones the report page prefills from the app's own results.
    private async Task AddReportsAsync(Commune commune, DateOnly today, CancellationToken ct)
    {
        await DeadlineService.EnsureDefaultsAsync(db, ct);
        var deadline = await db.Set<Deadline>().SingleAsync(d => d.CommuneId == commune.Id && d.DefaultKey == "bao-cao-nam", ct);
        var subjects = await ReportObligations.ExpectedSubjectsAsync(db, deadline, today.Year, commune.Name, ct);
        foreach (var year in new[] { today.Year - 1, today.Year })
        {
            var due = deadline.DueDate(year);
            var current = year == today.Year;
            if (current && today < due.AddDays(-20))
            {
                continue;
            }
            foreach (var (subject, name) in subjects)
            {
                var roll = _random.NextDouble();
                if (current && roll > 0.8)
                {
                    continue; // not sent yet
                }
                var sentOn = roll < 0.85 ? due.AddDays(-1 - _random.Next(10)) : due.AddDays(1 + _random.Next(4));
                if (sentOn > today)
                {
                    continue;
                }
                var at = new DateTimeOffset(sentOn.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(7)).UtcDateTime;
                var figures = await UnitReportService.FiguresAsync(db, commune.Id, subject, year, ct);
                db.Add(new UnitReport
                {
                    CommuneId = commune.Id, DeadlineId = deadline.Id, Year = year, SubjectKind = subject.Kind, SubjectId = subject.Id,
                    Status = ReportStatus.Submitted, FiguresJson = System.Text.Json.JsonSerializer.Serialize(figures),
                    Text = $"{name} báo cáo kết quả xây dựng xã hội học tập năm {year}: tổ chức tuyên truyền, hưởng ứng Tuần lễ học tập suốt đời, " +
                        "duy trì sinh hoạt khuyến học; đề nghị Ban chỉ đạo xã tiếp tục hỗ trợ tài liệu và kinh phí.",
                    SubmittedAtUtc = at, FirstSubmittedAtUtc = at, OnTime = sentOn <= due, SubmittedBy = "dữ liệu mẫu",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    // The years before the app, as the commune's yearly reports gave them: slow growth from the first working year.
    private async Task AddPastYearsAsync(int communeId, int lastYear, int households, int clans, int villages, int units, int citizens, CancellationToken ct)
    {
        var validator = new PastFigureFormValidator();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var step = year - firstYear;
            foreach (var (title, total, start, growth) in new (Title, int, double, double)[]
            {
                (Title.FamilyLearning, households - 60 + 8 * step, 0.38, 0.035), (Title.ClanLearning, clans, 0.3, 0.035),
                (Title.VillageCommunity, villages, 0.2, 0.04), (Title.UnitLearning, units - 2, 0.45, 0.03), (Title.CitizenLearning, citizens, 0.05, 0.02),
            })
            {
                var recognised = (int)Math.Round(total * Math.Min(0.9, start + growth * step));
                var form = new PastFigureForm
                {
                    Year = year, Title = title, Total = total, Recognised = recognised, Registered = Math.Min(total, (int)Math.Round(recognised * 1.2)),
                    Source = $"Báo cáo tổng kết phong trào xây dựng xã hội học tập năm {year} của Ban chỉ đạo xã",
                };
                await validator.ValidateAndThrowAsync(form, ct);
                db.Add(new PastYearFigure
                {
                    CommuneId = communeId, Year = year, Title = title, Total = form.Total.Value, Registered = form.Registered,
                    Recognised = form.Recognised.Value, Source = form.Source,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private List<Subject> Pick(IReadOnlyList<Subject> subjects, double share) => subjects.Where(_ => _random.NextDouble() < share).ToList();

    private List<Subject> PickHouseholds(IReadOnlyList<Subject> households, double share) =>
        households.Where(h => _random.NextDouble() < (_strong.Contains(h.Id) ? 0.97 : share)).ToList();

    // A December decision of a past year; this year's GĐHT decision is signed today (the year is in progress).
    private static DateOnly DecisionDay(int year, int month, int day, DateOnly today) =>
        year < today.Year ? new DateOnly(year, month, day) : today;

    private static string? GroupCode(CitizenGroup group) => group switch
    {
        CitizenGroup.FarmersAndRuralWorkers => "1",
        CitizenGroup.IndustrialAndCraftWorkers => "2",
        CitizenGroup.OfficialsAndIntellectuals => "3",
        _ => "4",
    };

    // The yearly figures no register holds: adults taking part in the community learning centre, staff holding CDHT.
    private async Task AddFiguresAsync(int communeId, int year, IReadOnlyList<Subject> villages, IReadOnlyList<(int Id, int Staff)> units, CancellationToken ct)
    {
        var adults = await db.People.Where(p => p.Household!.CommuneId == communeId && p.Household.Status == HouseholdStatus.Resident
                && p.Status == PersonStatus.Living && p.BirthYear != null && p.BirthYear <= year - 18)
            .GroupBy(p => p.Household!.VillageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        foreach (var village in villages.Where(v => adults.GetValueOrDefault(v.Id) > 0))
        {
            var outOf = adults[village.Id];
            db.Add(new EnteredFigure
            {
                CommuneId = communeId, SubjectKind = SubjectKind.Village, SubjectId = village.Id, Year = year,
                InputKey = EnteredFigureService.KeyFor(SubjectKind.Village)!.Key, OutOf = outOf,
                Count = (int)(outOf * (0.35 + _random.NextDouble() * 0.4)), Source = $"Sổ theo dõi của Trung tâm Học tập cộng đồng năm {year}",
            });
        }
        foreach (var (id, staff) in units.Where(u => u.Staff > 0))
        {
            db.Add(new EnteredFigure
            {
                CommuneId = communeId, SubjectKind = SubjectKind.Unit, SubjectId = id, Year = year,
                InputKey = EnteredFigureService.KeyFor(SubjectKind.Unit)!.Key, OutOf = staff,
                Count = (int)Math.Ceiling(staff * (0.82 + _random.NextDouble() * 0.18)), Source = $"Báo cáo của đơn vị năm {year}",
            });
        }
        await db.SaveChangesAsync(ct);
    }

    // Registers the subjects, scores each sheet with the engine (computed items from the figures gathered now) and moves
    // it as far as the workflow allows: past years (progress 1) reviewed; this year, the share `progress` is reviewed
    // and the rest spread over Nháp and Đã chấm. Only a complete sheet leaves Nháp.
    private async Task<List<Registration>> ScoreAsync(int communeId, int year, Title title, SubjectKind kind, IReadOnlyList<Subject> subjects,
        double progress, Func<int, string?>? targetGroup, CancellationToken ct)
    {
        if (await CriteriaSetService.ActiveForAsync(db, title, year, ct) is not { } set || subjects.Count == 0)
        {
            return [];
        }
        var definition = CriteriaSetJson.Deserialize(set.DefinitionJson);
        var computed = definition.Items.Any(i => i.Kind == ItemKind.Computed);
        var selfAssessed = ScoringTexts.IsSelfAssessed(title);
        var registrations = new List<Registration>();
        foreach (var subject in subjects)
        {
            var strength = title switch
            {
                Title.FamilyLearning when _strong.Contains(subject.Id) => 0.85 + _random.NextDouble() * 0.15,
                Title.FamilyLearning or Title.CitizenLearning => 0.55 + _random.NextDouble() * 0.45,
                _ => 0.8 + _random.NextDouble() * 0.2,
            };
            var answers = Answers(definition, targetGroup?.Invoke(subject.Id), strength);
            var inputs = computed ? await ComputedInputsService.GatherAsync(db, kind, subject.Id, year, ct) : new Dictionary<string, ComputedInput>();
            var result = CriteriaEvaluator.Evaluate(definition, answers.ToEngine(inputs));
            var roll = _random.NextDouble();
            var status = !result.IsComplete || result.HasErrors ? EvaluationStatus.Draft
                : roll < progress ? EvaluationStatus.Reviewed
                : roll < progress + (1 - progress) / 2 ? EvaluationStatus.Submitted
                : EvaluationStatus.Draft;
            var json = answers.ToJson();
            registrations.Add(new Registration
            {
                CommuneId = communeId, Year = year, Title = title, SubjectKind = kind, SubjectId = subject.Id, VillageId = subject.VillageId,
                SubjectName = subject.Name, SubjectSearch = VietnameseText.SearchKey(subject.Name), SubjectSortKey = VietnameseText.GivenNameSortKey(subject.Name), RegisteredOn = new DateOnly(year, 3, 1 + _random.Next(28)),
                Evaluation = new Evaluation
                {
                    CriteriaSetId = set.Id, Status = status,
                    // Self-assessed titles: the unit or citizen fills the sheet; the reviewer accepted it unchanged.
                    SelfAnswersJson = selfAssessed ? json : null,
                    AnswersJson = selfAssessed && status == EvaluationStatus.Draft ? "{}" : json,
                    TotalTenths = result.Total.Tenths, Rating = result.Rating ?? "", MeetsCriteria = result.Recognised,
                },
            });
        }
        BulkInsert.Insert(db, registrations, ct);
        BulkInsert.Insert(db, registrations.Select(r => { r.Evaluation!.RegistrationId = r.Id; return r.Evaluation; }), ct);
        return registrations;
    }

    // Answers drawn around a level typical of a subject, for the items a person fills (computed ones are the app's).
    private StoredAnswers Answers(CriteriaSetDefinition definition, string? targetGroup, double strength)
    {
        var items = new Dictionary<string, StoredAnswer>();
        foreach (var item in definition.Items.Where(i => i.Kind != ItemKind.Computed && i.AppliesTo(targetGroup)))
        {
            if (item.Kind == ItemKind.MetNotMet)
            {
                items[item.Code] = new StoredAnswer(Met: _random.NextDouble() < strength + 0.2);
                continue;
            }
            var step = (item.Step ?? item.Max).Tenths;
            var steps = item.Max.Tenths / Math.Max(1, step);
            var taken = Math.Clamp((int)Math.Round(steps * (strength + (_random.NextDouble() - 0.5) * 0.3)), 0, steps);
            items[item.Code] = new StoredAnswer(ScoreTenths: taken * step);
        }
        return new StoredAnswers { Items = items, TargetGroup = targetGroup };
    }

    // One decision of the title for the share of the reviewed sheets that meet the criteria, through the service's
    // rules; in a past year the reviewed sheets below the criteria are closed as Không công nhận.
    private async Task DecideAsync(Commune commune, int year, Title title, IReadOnlyList<Registration> registrations, double share, DateOnly issuedOn, CancellationToken ct)
    {
        var ids = registrations.Select(r => r.Evaluation!.Id).ToList();
        var meeting = await db.Set<Evaluation>().AsNoTracking().Where(e => ids.Contains(e.Id) && e.Status == EvaluationStatus.Reviewed && e.MeetsCriteria)
            .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var chosen = meeting.Take((int)Math.Round(meeting.Count * share)).ToList();
        if (chosen.Count == 0)
        {
            return;
        }
        var number = _decisionNumbers[issuedOn.Year] = _decisionNumbers.GetValueOrDefault(issuedOn.Year, 100) + 1;
        var set = await CriteriaSetService.ActiveForAsync(db, title, year, ct);
        var form = new DecisionForm
        {
            Title = title, Year = year, Number = number, IssuedOn = issuedOn.ToDateTime(TimeOnly.MinValue),
            IssuingBody = DecisionDefaults.IssuingBody(commune.Name), Place = commune.Name, SignerName = Signer, SignerPosition = DecisionDefaults.SignerPositions[0],
            Bases = DecisionDefaults.Bases(commune.Name, title, set is null ? null : CriteriaSetJson.Deserialize(set.DefinitionJson).LegalBasis),
            Article2 = DecisionDefaults.Article2, Article3 = DecisionDefaults.Article3(title), Recipients = DecisionDefaults.Recipients,
            EvaluationIds = chosen, MarkOthersNotRecognised = share >= 1,
        };
        await new DecisionFormValidator().ValidateAndThrowAsync(form, ct);
        await DecisionService.IssueAsync(db, commune.Id, form, clock.GetUtcNow().UtcDateTime, ct);
        db.ChangeTracker.Clear();
    }
}
