using System.Collections.Concurrent;
using System.Data.Common;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Setup;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

// Who must report, counted by the database, agrees with the list of who must report: the count with the list of
// subjects, and the dashboard's figures with the compliance board's rows. Each row of the table has its own deadline and
// year; reports from places a deadline does not expect (a closed unit, a unit under a villages-only deadline) never count.
public sealed class ReportObligationsTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Theory]
    [InlineData(DeadlineAudience.Units, 2031, 2, 1)]
    [InlineData(DeadlineAudience.Villages, 2032, 1, 1)]
    [InlineData(DeadlineAudience.Units | DeadlineAudience.Villages, 2033, 3, 2)]
    [InlineData(DeadlineAudience.Units | DeadlineAudience.Villages | DeadlineAudience.Committee, 2034, 4, 3)]
    [InlineData(DeadlineAudience.Villages | DeadlineAudience.Committee, 2035, 2, 2)]
    public async Task Counts_done_by_the_database_equal_the_list_of_who_must_report(DeadlineAudience audience, int year, int submitted, int onTime)
    {
        app.StartClockAt(new DateTime(year, 12, 1, 9, 0, 0));
        var deadline = await AddDeadlineWithReportsAsync(audience, year);

        await using (var db = await app.DbAsync())
        {
            var list = await ReportObligations.ExpectedSubjectsAsync(db, deadline, year, "Cẩm Tân", default);
            Assert.NotEmpty(list);
            Assert.Equal(list.Count, await ReportObligations.CountExpectedAsync(db, deadline, year, default));
        }

        var figures = Assert.Single((await app.Services.GetRequiredService<ReportObligations>().ComplianceAsync(deadline.CommuneId, year)).Deadlines,
            d => d.Name == deadline.Name);
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        var board = await scope.ServiceProvider.GetRequiredService<ComplianceService>().BoardAsync(deadline.Id, year);
        Assert.Equal((board.Rows.Count, board.Submitted, board.OnTime), (figures.Expected, figures.Submitted, figures.OnTime));
        Assert.Equal((submitted, onTime), (figures.Submitted, figures.OnTime));
        Assert.Equal(figures.Expected - submitted, figures.Missing);
    }

    [Fact]
    public async Task A_deadline_for_the_committee_alone_is_not_counted_as_units_reporting()
    {
        var deadline = await AddDeadlineWithReportsAsync(DeadlineAudience.Committee, 2036);

        await using (var db = await app.DbAsync())
        {
            Assert.Equal(1, await ReportObligations.CountExpectedAsync(db, deadline, 2036, default));
            Assert.Single(await ReportObligations.ExpectedSubjectsAsync(db, deadline, 2036, "Cẩm Tân", default));
        }
        var compliance = await app.Services.GetRequiredService<ReportObligations>().ComplianceAsync(deadline.CommuneId, 2036);
        Assert.DoesNotContain(compliance.Deadlines, d => d.Name == deadline.Name);
    }

    [Fact]
    public async Task The_dashboard_counts_who_must_report_without_reading_any_account()
    {
        var deadline = await AddDeadlineWithReportsAsync(DeadlineAudience.Units | DeadlineAudience.Villages, 2037);
        var commands = new CommandLog();
        var options = new DbContextOptionsBuilder<AppDbContext>(app.Services.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(commands).Options;
        var obligations = new ReportObligations(new Factory(options), app.Clock, app.Services.GetRequiredService<AppSettings>());

        var compliance = await obligations.ComplianceAsync(deadline.CommuneId, 2037);

        Assert.Equal((3, 2), compliance.Deadlines.Where(d => d.Name == deadline.Name).Select(d => (d.Submitted, d.OnTime)).Single());
        Assert.NotEmpty(commands.Texts);
        Assert.DoesNotContain(commands.Texts, t => t.Contains("AspNetUsers") || t.Contains("UserVillages"));
        // The same log does see the accounts when the whole year is loaded for reminders.
        await using var db = new AppDbContext(options);
        await obligations.LoadAsync(db, deadline, 2037, default);
        Assert.Contains(commands.Texts, t => t.Contains("AspNetUsers"));
    }

    [Fact]
    public async Task A_village_merged_this_year_still_counts_its_report_for_last_year()
    {
        app.StartClockAt(new DateTime(2026, 10, 14, 9, 0, 0));
        var from = await NewVillageAsync("BCS1", "Thôn Báo Cáo Sáp");
        var into = await NewVillageAsync("BCN1", "Thôn Báo Cáo Nhận");
        var deadline = await NewVillagesDeadlineAsync("Báo cáo năm thôn sáp nhập");
        await using (var db = await app.DbAsync())
        {
            db.Add(new UnitReport
            {
                CommuneId = deadline.CommuneId, DeadlineId = deadline.Id, Year = 2025, SubjectKind = ReportSubjectKind.Village, SubjectId = from.Id,
                Status = ReportStatus.Submitted, OnTime = true, SubmittedAtUtc = new DateTime(2025, 11, 20, 2, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }
        var obligations = app.Services.GetRequiredService<ReportObligations>();
        var before = Assert.Single((await obligations.ComplianceAsync(deadline.CommuneId, 2025)).Deadlines, d => d.Name == deadline.Name);
        Assert.Equal((1, 1), (before.Submitted, before.OnTime));

        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageMergeService>()
                .MergeAsync(new VillageMergeForm { MergedVillageId = from.Id, IntoVillageId = into.Id, On = new DateTime(2026, 3, 1) });
        }

        Assert.Equal(before, Assert.Single((await obligations.ComplianceAsync(deadline.CommuneId, 2025)).Deadlines, d => d.Name == deadline.Name));
        await using (var db = await app.DbAsync())
        {
            Assert.Contains(await ReportObligations.ExpectedSubjectsAsync(db, deadline, 2025, "Cẩm Tân", default), s => s.Ref == from);
            Assert.DoesNotContain(await ReportObligations.ExpectedSubjectsAsync(db, deadline, 2026, "Cẩm Tân", default), s => s.Ref == from);
        }
    }

    [Fact]
    public async Task A_deadline_switched_off_this_year_still_shows_last_years_reports()
    {
        app.StartClockAt(new DateTime(2026, 10, 14, 9, 0, 0));
        var deadline = await NewVillagesDeadlineAsync("Báo cáo năm thôi áp dụng");
        await using (var db = await app.DbAsync())
        {
            var village = await db.Villages.Where(v => v.CommuneId == deadline.CommuneId && v.Active).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
            db.Add(new UnitReport
            {
                CommuneId = deadline.CommuneId, DeadlineId = deadline.Id, Year = 2025, SubjectKind = ReportSubjectKind.Village, SubjectId = village,
                Status = ReportStatus.Submitted, OnTime = true, SubmittedAtUtc = new DateTime(2025, 11, 20, 2, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            await db.Set<Deadline>().Where(d => d.Id == deadline.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Active, false));
        }

        var obligations = app.Services.GetRequiredService<ReportObligations>();
        Assert.Equal(1, Assert.Single((await obligations.ComplianceAsync(deadline.CommuneId, 2025)).Deadlines, d => d.Name == deadline.Name).Submitted);
        Assert.DoesNotContain((await obligations.ComplianceAsync(deadline.CommuneId, 2026)).Deadlines, d => d.Name == deadline.Name);
    }

    private async Task<SubjectRef> NewVillageAsync(string code, string name)
    {
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<VillageService>().SaveAsync(new VillageForm { Code = code, Name = name, SortOrder = 900, Before = true });
        }
        return await app.VillageAsync(code);
    }

    private async Task<Deadline> NewVillagesDeadlineAsync(string name)
    {
        await using var db = await app.DbAsync();
        var deadline = new Deadline { CommuneId = await db.Communes.Select(c => c.Id).FirstAsync(), Name = name, Audience = DeadlineAudience.Villages, DueDay = 30, DueMonth = 11 };
        db.Add(deadline);
        await db.SaveChangesAsync();
        return deadline;
    }

    // A new active deadline with, for its year: the first two active units submitted (on time, late), the third a draft;
    // the first village submitted on time, the second returned; the committee submitted on time; a closed unit submitted.
    private async Task<Deadline> AddDeadlineWithReportsAsync(DeadlineAudience audience, int year)
    {
        await using var db = await app.DbAsync();
        var communeId = await db.Communes.Select(c => c.Id).FirstAsync();
        var closed = await db.Units.SingleOrDefaultAsync(u => u.Code == "DA-GIAI-THE");
        if (closed is null)
        {
            closed = new Unit { CommuneId = communeId, Code = "DA-GIAI-THE", Name = "Hợp tác xã đã giải thể", Active = false };
            db.Units.Add(closed);
            await db.SaveChangesAsync();
        }
        var deadline = new Deadline { CommuneId = communeId, Name = $"Báo cáo thử {audience} {year}", Audience = audience, DueDay = 30, DueMonth = 11 };
        db.Add(deadline);
        await db.SaveChangesAsync();

        var units = await db.Units.Where(u => u.CommuneId == communeId && u.Active).OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => u.Id).Take(3).ToListAsync();
        var villages = await db.Villages.Where(v => v.CommuneId == communeId).OrderBy(v => v.SortOrder).ThenBy(v => v.Name).Select(v => v.Id).Take(2).ToListAsync();
        Assert.Equal((3, 2), (units.Count, villages.Count));
        var submittedAt = new DateTime(year, 11, 20, 2, 0, 0, DateTimeKind.Utc);
        UnitReport Report(ReportSubjectKind kind, int id, ReportStatus status, bool onTime) => new()
        {
            CommuneId = communeId, DeadlineId = deadline.Id, Year = year, SubjectKind = kind, SubjectId = id, Status = status, OnTime = onTime,
            SubmittedAtUtc = status == ReportStatus.Draft ? null : submittedAt,
        };
        db.AddRange(
            Report(ReportSubjectKind.Unit, units[0], ReportStatus.Submitted, onTime: true),
            Report(ReportSubjectKind.Unit, units[1], ReportStatus.Submitted, onTime: false),
            Report(ReportSubjectKind.Unit, units[2], ReportStatus.Draft, onTime: false),
            Report(ReportSubjectKind.Unit, closed.Id, ReportStatus.Submitted, onTime: true),
            Report(ReportSubjectKind.Village, villages[0], ReportStatus.Submitted, onTime: true),
            Report(ReportSubjectKind.Village, villages[1], ReportStatus.Returned, onTime: false),
            Report(ReportSubjectKind.Commune, communeId, ReportStatus.Submitted, onTime: true));
        await db.SaveChangesAsync();
        return deadline;
    }

    private sealed class Factory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }

    private sealed class CommandLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Texts { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
