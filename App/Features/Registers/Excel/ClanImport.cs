using HocTapSuotDoi.Features.Clans;
using Col = HocTapSuotDoi.Features.Registers.Excel.RegisterColumns;

namespace HocTapSuotDoi.Features.Registers.Excel;

// Checks a clans sheet with the clan form's validator; member households are named by their codes.
internal sealed class ClanImport(IValidator<ClanForm> validator)
{
    private static readonly List<string> Columns = [.. Col.Clans];

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(ClanForm.Name)] = Col.ClanName, [nameof(ClanForm.HeadName)] = Col.ClanHead, [nameof(ClanForm.Phone)] = Col.Phone,
        [nameof(ClanForm.Note)] = Col.Note, [nameof(ClanForm.HouseholdIds)] = Col.MemberCodes,
    };

    private static int At(string column) => Columns.IndexOf(column);

    public List<ClanDraft> Check(IReadOnlyList<SheetRow> rows, RegisterSnapshot snapshot, ImportErrors errors)
    {
        var drafts = new List<ClanDraft>();
        var names = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var form = new ClanForm
            {
                Name = row.Text(At(Col.ClanName)), HeadName = row.Text(At(Col.ClanHead)),
                Phone = row.Text(At(Col.Phone)), Note = row.Text(At(Col.Note)),
            };
            errors.Add(row.Number, validator.Validate(form), Fields);
            var codes = row.Text(At(Col.MemberCodes)).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.ToUpperInvariant()).Distinct().ToList();
            var unknown = codes.Where(c => !snapshot.HouseholdIds.ContainsKey(c)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(row.Number, Col.MemberCodes, $"Không có hộ mang mã {string.Join(", ", unknown)} trong sổ của xã.");
            }
            var key = VietnameseText.SearchKey(form.Name);
            if (key.Length > 0 && !names.TryAdd(key, row.Number))
            {
                errors.Add(row.Number, Col.ClanName, $"Trùng với dòng {names[key]}: cùng tên dòng họ.");
            }
            drafts.Add(new ClanDraft(row.Number, form.Name, form.HeadName, form.Phone, form.Note,
                codes.Where(snapshot.HouseholdIds.ContainsKey).Select(c => snapshot.HouseholdIds[c]).ToList()));
        }
        CheckAgainst(drafts, snapshot, errors);
        return drafts;
    }

    public static void CheckAgainst(IEnumerable<ClanDraft> drafts, RegisterSnapshot snapshot, ImportErrors errors)
    {
        foreach (var draft in drafts.Where(d => snapshot.ClanNames.Contains(VietnameseText.SearchKey(d.Name))))
        {
            errors.Add(draft.Row, Col.ClanName, $"Đã có dòng họ tên \"{draft.Name}\" trong xã.");
        }
    }
}
