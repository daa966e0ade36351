using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Data;

// "Contains" over the stored search keys without reading every row: on SQLite the trigram FTS5 tables HouseholdSearch
// and PersonSearch (migration TextSearchIndex, kept in step by triggers) answer which rows contain a term of three
// characters or more. Shorter terms, and other providers, use the plain Contains, with the same results: the keys are
// stored in lower case, codes in upper case, and the trigram tokenizer compares without case.
public static class TextSearch
{
    public const int MinLength = 3;

    // The household list: the head's name key or the phone contains the key, or the code contains the typed code.
    public static IQueryable<Household> WhereHeadCodeOrPhone(this IQueryable<Household> households, AppDbContext db, string key, string code) =>
        Indexed(db, key, code)
            ? households.Where(h => HouseholdRows(db, $"{{HeadNameSearch Phone}} : {Phrase(key)} OR Code : {Phrase(code)}").Contains(h.Id))
            : households.Where(h => h.HeadNameSearch.Contains(key) || h.Code.Contains(code) || h.Phone.Contains(key));

    // The registration dialog: the head's name key or the code.
    public static IQueryable<Household> WhereHeadOrCode(this IQueryable<Household> households, AppDbContext db, string key, string code) =>
        Indexed(db, key, code)
            ? households.Where(h => HouseholdRows(db, $"HeadNameSearch : {Phrase(key)} OR Code : {Phrase(code)}").Contains(h.Id))
            : households.Where(h => h.HeadNameSearch.Contains(key) || h.Code.Contains(code));

    public static IQueryable<Person> WhereNameContains(this IQueryable<Person> people, AppDbContext db, string key) =>
        Indexed(db, key, key)
            ? people.Where(p => PersonRows(db, $"FullNameSearch : {Phrase(key)}").Contains(p.Id))
            : people.Where(p => p.FullNameSearch.Contains(key));

    private static bool Indexed(AppDbContext db, string key, string code) =>
        key.Length >= MinLength && code.Length >= MinLength && db.Database.IsSqlite();

    // The FTS query is a parameter, never SQL text.
    private static IQueryable<int> HouseholdRows(AppDbContext db, string match) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"HouseholdSearch\" WHERE \"HouseholdSearch\" MATCH {match}");

    private static IQueryable<int> PersonRows(AppDbContext db, string match) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"PersonSearch\" WHERE \"PersonSearch\" MATCH {match}");

    // An FTS5 string: the whole term as one phrase (spaces included), a double quote written twice.
    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";
}
