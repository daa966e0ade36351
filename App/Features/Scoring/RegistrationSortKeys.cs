namespace HocTapSuotDoi.Features.Scoring;

// The given-name sort key is computed in C# (Vietnamese letters and tones), so a migration cannot fill it: at start,
// registrations written before the column existed (or by a writer that left it empty) get theirs, in one transaction.
// Nothing to do on later starts; the query reads the few rows with a name and no key.
public static class RegistrationSortKeys
{
    public static async Task<int> FillAsync(AppDbContext db, CancellationToken ct = default)
    {
        var missing = await db.Set<Registration>().AsNoTracking().Where(r => r.SubjectSortKey == "" && r.SubjectName != "")
            .Select(r => new { r.Id, r.SubjectName }).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in missing.Chunk(500))
        {
            foreach (var group in chunk.GroupBy(r => VietnameseText.GivenNameSortKey(r.SubjectName)))
            {
                var ids = group.Select(r => r.Id).ToList();
                await db.Set<Registration>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.SubjectSortKey, group.Key), ct);
            }
        }
        await transaction.CommitAsync(ct);
        return missing.Count;
    }
}
