using HocTapSuotDoi.Features.Units;
using Col = HocTapSuotDoi.Features.Registers.Excel.RegisterColumns;

namespace HocTapSuotDoi.Features.Registers.Excel;

// Checks a units sheet with the unit form's validator.
internal sealed class UnitImport(IValidator<UnitForm> validator)
{
    private static readonly List<string> Columns = [.. Col.Units];

    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(UnitForm.Code)] = Col.UnitCode, [nameof(UnitForm.Name)] = Col.UnitName, [nameof(UnitForm.Kind)] = Col.UnitKind,
        [nameof(UnitForm.HeadName)] = Col.UnitHead, [nameof(UnitForm.Email)] = Col.Email, [nameof(UnitForm.Phone)] = Col.Phone,
        [nameof(UnitForm.StaffCount)] = Col.StaffCount, [nameof(UnitForm.VillageId)] = Col.Village,
    };

    private static int At(string column) => Columns.IndexOf(column);

    public List<UnitDraft> Check(IReadOnlyList<SheetRow> rows, RegisterSnapshot snapshot, ImportErrors errors)
    {
        var drafts = new List<UnitDraft>();
        var codes = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var kind = errors.Word(RegisterTexts.UnitKinds, row.Number, Col.UnitKind, row.Values[At(Col.UnitKind)], null);
            if (!Cells.TryCount(row.Values[At(Col.StaffCount)], out var staff))
            {
                errors.Add(row.Number, Col.StaffCount, $"\"{row.Text(At(Col.StaffCount))}\" không phải là một số nguyên.");
            }
            var villageText = row.Text(At(Col.Village));
            var village = villageText.Length > 0 ? snapshot.FindVillage(villageText) : null;
            if (villageText.Length > 0 && village is null)
            {
                errors.Add(row.Number, Col.Village, $"\"{villageText}\" không phải là thôn của xã (để trống nếu đơn vị không thuộc thôn nào).");
            }
            var form = new UnitForm
            {
                Code = row.Text(At(Col.UnitCode)).ToUpperInvariant(), Name = row.Text(At(Col.UnitName)), Kind = kind ?? 0,
                HeadName = row.Text(At(Col.UnitHead)), Email = row.Text(At(Col.Email)), Phone = row.Text(At(Col.Phone)),
                StaffCount = staff, VillageId = village?.Id,
            };
            errors.Add(row.Number, validator.Validate(form), Fields);
            if (form.Code.Length > 0 && !codes.TryAdd(form.Code, row.Number))
            {
                errors.Add(row.Number, Col.UnitCode, $"Trùng với dòng {codes[form.Code]}: cùng mã đơn vị.");
            }
            drafts.Add(new UnitDraft(row.Number, form));
        }
        CheckAgainst(drafts, snapshot, errors);
        return drafts;
    }

    public static void CheckAgainst(IEnumerable<UnitDraft> drafts, RegisterSnapshot snapshot, ImportErrors errors)
    {
        foreach (var draft in drafts.Where(d => snapshot.UnitCodes.Contains(d.Form.Code)))
        {
            errors.Add(draft.Row, Col.UnitCode, $"Mã đơn vị {draft.Form.Code} đã được dùng.");
        }
    }

    public static Unit ToUnit(UnitForm form, int communeId)
    {
        var unit = new Unit
        {
            CommuneId = communeId, Code = form.Code, Name = form.Name, Kind = form.Kind, HeadName = form.HeadName,
            Email = form.Email, Phone = form.Phone, StaffCount = form.StaffCount, VillageId = form.VillageId,
        };
        NameKeys.Set(unit);
        return unit;
    }
}
