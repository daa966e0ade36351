using HocTapSuotDoi.Features.Households;
using Col = HocTapSuotDoi.Features.Registers.Excel.RegisterColumns;

namespace HocTapSuotDoi.Features.Registers.Excel;

// Checks a households-and-members sheet with the register's own validators and rules, and turns it into drafts.
// Rows are grouped into households by "Mã hộ"; rows without a code by village and head of household (the same name,
// diacritics included: VietnameseText.NameKey). A head whose name differs from another only in diacritics, in the same
// village, is a warning on the row: the import still goes ahead, as "Vẫn lưu" on the household form.
internal sealed class HouseholdImport(IValidator<HouseholdForm> householdValidator, IValidator<PersonForm> personValidator)
{
    private static readonly List<string> Columns = [.. Col.Households];

    private static readonly Dictionary<string, string> HouseholdFields = new()
    {
        [nameof(HouseholdForm.Code)] = Col.HouseholdCode, [nameof(HouseholdForm.VillageId)] = Col.Village,
        [nameof(HouseholdForm.HeadName)] = Col.HeadName, [nameof(HouseholdForm.Address)] = Col.Address, [nameof(HouseholdForm.Phone)] = Col.Phone,
    };

    private static readonly Dictionary<string, string> PersonFields = new()
    {
        [nameof(PersonForm.FullName)] = Col.FullName, [nameof(PersonForm.BirthDate)] = Col.Birth, [nameof(PersonForm.BirthYear)] = Col.Birth,
        [nameof(PersonForm.Sex)] = Col.Sex, [nameof(PersonForm.Relation)] = Col.Relation, [nameof(PersonForm.Education)] = Col.Education,
        [nameof(PersonForm.Literacy)] = Col.Literacy, [nameof(PersonForm.Occupation)] = Col.Occupation,
        [nameof(PersonForm.TargetGroup)] = Col.TargetGroup, [nameof(PersonForm.School)] = Col.School, [nameof(PersonForm.NationalId)] = Col.NationalId,
    };

    private sealed class Group(HouseholdDraft draft, string[] texts)
    {
        public HouseholdDraft Draft { get; } = draft;
        public string[] Texts { get; } = texts;
        public int? HeadRow { get; set; }
    }

    private static int At(string column) => Columns.IndexOf(column);

    public List<HouseholdDraft> Check(IReadOnlyList<SheetRow> rows, RegisterSnapshot snapshot, UserScope scope, ImportErrors errors,
        ImportErrors warnings, IProgress<ImportProgress>? progress)
    {
        var groups = new Dictionary<string, Group>();
        var nationalIds = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var code = row.Text(At(Col.HouseholdCode)).ToUpperInvariant();
            var village = FindVillage(row, snapshot, scope, errors);
            var headKey = VietnameseText.NameKey(row.Text(At(Col.HeadName)));
            var key = code.Length > 0 ? "C " + code : village is not null && headKey.Length > 0 ? $"V {village.Id} {headKey}" : $"R {row.Number}";
            if (groups.TryGetValue(key, out var group))
            {
                CompareWithFirst(row, group, errors);
            }
            else
            {
                groups[key] = group = NewGroup(row, code, village, errors);
            }
            if (Col.PersonPart.Any(c => row.Text(At(c)).Length > 0))
            {
                AddPerson(row, group, nationalIds, errors);
            }
            if (i % 500 == 0)
            {
                progress?.Report(new ImportProgress("Đang kiểm tra dữ liệu", i * 100 / rows.Count));
            }
        }
        var drafts = groups.Values.Select(g => g.Draft).ToList();
        FindRepeatedHeads(drafts, errors, warnings);
        CheckAgainst(drafts, snapshot, errors, warnings);
        return drafts;
    }

    // What must not already be in the register; run again inside the commit's transaction (without warnings).
    public static void CheckAgainst(IEnumerable<HouseholdDraft> drafts, RegisterSnapshot snapshot, ImportErrors errors, ImportErrors? warnings = null)
    {
        foreach (var draft in drafts)
        {
            if (draft.Code.Length > 0 && snapshot.HouseholdCodes.Contains(draft.Code))
            {
                errors.Add(draft.Row, Col.HouseholdCode, $"Mã hộ {draft.Code} đã có trong sổ.");
            }
            if (draft.Status == HouseholdStatus.Resident
                && snapshot.ResidentHeads.TryGetValue((draft.VillageId, VietnameseText.SearchKey(draft.HeadName)), out var alike))
            {
                var village = snapshot.Villages.FirstOrDefault(v => v.Id == draft.VillageId)?.Name;
                var nameKey = VietnameseText.NameKey(draft.HeadName);
                if (alike.FirstOrDefault(h => VietnameseText.NameKey(h.HeadName) == nameKey) is { } same)
                {
                    errors.Add(draft.Row, Col.HeadName,
                        $"Đã có hộ của chủ hộ {same.HeadName} ở {village} trong sổ (mã {same.Code}). Hãy kiểm tra lại, tránh nhập trùng.");
                }
                else
                {
                    warnings?.Add(draft.Row, Col.HeadName, $"Ở {village} đã có hộ có tên chủ hộ gần giống (chỉ khác dấu): " +
                        string.Join("; ", alike.Select(h => $"{h.HeadName} (mã {h.Code})")) + ". Vẫn nhập như một hộ khác; hãy kiểm tra lại tên.");
                }
            }
            foreach (var person in draft.Members)
            {
                var id = person.Form.NationalId.Trim();
                if (id.Length > 0 && snapshot.NationalIds.Contains(id))
                {
                    errors.Add(person.Row, Col.NationalId, $"Số CCCD {id} đã có trong sổ (một người khác).");
                }
            }
        }
    }

    private static VillageRef? FindVillage(SheetRow row, RegisterSnapshot snapshot, UserScope scope, ImportErrors errors)
    {
        var text = row.Text(At(Col.Village));
        if (text.Length == 0)
        {
            return null;
        }
        var village = snapshot.FindVillage(text);
        if (village is null)
        {
            var example = snapshot.Villages.FirstOrDefault();
            errors.Add(row.Number, Col.Village, $"\"{text}\" không phải là thôn của xã (ghi tên thôn, ví dụ \"{example?.Name}\", hoặc mã thôn, ví dụ \"{example?.Code}\").");
            return null;
        }
        if (!scope.CoversVillage(scope.CommuneId, village.Id))
        {
            var allowed = snapshot.Villages.Where(v => scope.CoversVillage(scope.CommuneId, v.Id)).Select(v => v.Name);
            errors.Add(row.Number, Col.Village, $"\"{village.Name}\" không thuộc phạm vi của bạn: bạn chỉ được nhập hộ ở {string.Join(", ", allowed)}.");
            return null;
        }
        if (village.ActiveFrom is { } founded)
        {
            errors.Add(row.Number, Col.Village, Villages.VillageFounding.ImportText(village.Name, founded));
            return null;
        }
        return village;
    }

    private Group NewGroup(SheetRow row, string code, VillageRef? village, ImportErrors errors)
    {
        var status = Word(RegisterTexts.HouseholdStatuses, row, Col.HouseholdStatus, HouseholdStatus.Resident, errors);
        var form = new HouseholdForm
        {
            Code = code, VillageId = village?.Id, HeadName = row.Text(At(Col.HeadName)),
            Address = row.Text(At(Col.Address)), Phone = row.Text(At(Col.Phone)),
        };
        errors.Add(row.Number, householdValidator.Validate(form), HouseholdFields);
        var draft = new HouseholdDraft(row.Number, code, village?.Id ?? 0, form.HeadName, form.Address, form.Phone,
            status ?? HouseholdStatus.Resident, []);
        return new Group(draft, Col.HouseholdPart.Select(c => row.Text(At(c))).ToArray());
    }

    // Member rows may leave the household columns empty; what they do fill in must match the household's first row.
    private static void CompareWithFirst(SheetRow row, Group group, ImportErrors errors)
    {
        for (var i = 1; i < Col.HouseholdPart.Count; i++)
        {
            var text = row.Text(At(Col.HouseholdPart[i]));
            if (text.Length > 0 && VietnameseText.SearchKey(text) != VietnameseText.SearchKey(group.Texts[i]))
            {
                errors.Add(row.Number, Col.HouseholdPart[i],
                    $"\"{text}\" khác với dòng {group.Draft.Row} của cùng hộ (\"{group.Texts[i]}\"): các dòng của một hộ phải ghi giống nhau.");
            }
        }
    }

    private void AddPerson(SheetRow row, Group group, Dictionary<string, int> nationalIds, ImportErrors errors)
    {
        if (!Cells.TryBirth(row.Values[At(Col.Birth)], out var date, out var year))
        {
            errors.Add(row.Number, Col.Birth, $"\"{row.Text(At(Col.Birth))}\" không phải là ngày sinh (dd/MM/yyyy) hoặc năm sinh (yyyy).");
        }
        var form = new PersonForm
        {
            FullName = row.Text(At(Col.FullName)),
            BirthDate = date,
            BirthYear = year,
            Sex = Word(RegisterTexts.Sexes, row, Col.Sex, null, errors),
            Relation = Word(RegisterTexts.Relations, row, Col.Relation, null, errors),
            Education = Word(RegisterTexts.EducationLevels, row, Col.Education, EducationLevel.NotEntered, errors) ?? EducationLevel.NotEntered,
            Literacy = Word(RegisterTexts.Literacies, row, Col.Literacy, Literacy.Unknown, errors) ?? Literacy.Unknown,
            Occupation = row.Text(At(Col.Occupation)),
            TargetGroup = Word(RegisterTexts.CitizenGroups, row, Col.TargetGroup, CitizenGroup.None, errors) ?? CitizenGroup.None,
            School = Word(RegisterTexts.SchoolAttendances, row, Col.School, SchoolAttendance.NotApplicable, errors) ?? SchoolAttendance.NotApplicable,
            NationalId = row.Text(At(Col.NationalId)),
        };
        var status = Word(RegisterTexts.PersonStatuses, row, Col.PersonStatus, PersonStatus.Living, errors) ?? PersonStatus.Living;
        if (row.Values[At(Col.NationalId)] is double)
        {
            // Every CCCD starts with 0 (the province code), which Excel drops from a number.
            errors.Add(row.Number, Col.NationalId, $"Excel đã lưu số CCCD {form.NationalId} dưới dạng số nên mất số 0 ở đầu. "
                + "Hãy định dạng cột \"Số CCCD\" là Văn bản (Text) rồi gõ lại số.");
        }
        errors.Add(row.Number, personValidator.Validate(form), PersonFields);

        if (form.NationalId.Length > 0 && !errors.Has(row.Number, Col.NationalId))
        {
            if (nationalIds.TryGetValue(form.NationalId, out var first))
            {
                errors.Add(row.Number, Col.NationalId, $"Số CCCD {form.NationalId} trùng với dòng {first}.");
            }
            else
            {
                nationalIds[form.NationalId] = row.Number;
            }
        }
        if (form.Relation == Relation.Head && status == PersonStatus.Living)
        {
            if (group.HeadRow is { } headRow)
            {
                errors.Add(row.Number, Col.Relation, $"Hộ này đã có chủ hộ ở dòng {headRow}.");
            }
            else if (VietnameseText.SearchKey(form.FullName) != VietnameseText.SearchKey(group.Draft.HeadName))
            {
                errors.Add(row.Number, Col.FullName, $"Người có quan hệ \"Chủ hộ\" phải là người ghi ở cột \"Chủ hộ\" (\"{group.Draft.HeadName}\").");
            }
            group.HeadRow ??= row.Number;
        }
        group.Draft.Members.Add(new PersonDraft(row.Number, form, status));
    }

    private static void FindRepeatedHeads(IEnumerable<HouseholdDraft> drafts, ImportErrors errors, ImportErrors warnings)
    {
        var seen = new Dictionary<(int, string), List<HouseholdDraft>>();
        foreach (var draft in drafts.Where(d => d.Status == HouseholdStatus.Resident && d.VillageId > 0))
        {
            var key = (draft.VillageId, VietnameseText.SearchKey(draft.HeadName));
            if (key.Item2.Length == 0)
            {
                continue;
            }
            if (!seen.TryGetValue(key, out var earlier))
            {
                seen[key] = [draft];
                continue;
            }
            var nameKey = VietnameseText.NameKey(draft.HeadName);
            if (earlier.FirstOrDefault(d => VietnameseText.NameKey(d.HeadName) == nameKey) is { } same)
            {
                errors.Add(draft.Row, Col.HeadName, $"Trùng với hộ ở dòng {same.Row}: cùng chủ hộ, cùng thôn. Nếu là một hộ, hãy ghi cùng một mã hộ.");
            }
            else
            {
                warnings.Add(draft.Row, Col.HeadName, $"Tên chủ hộ gần giống hộ ở dòng {earlier[0].Row} ({earlier[0].HeadName}), cùng thôn, chỉ khác dấu. " +
                    "Vẫn nhập như một hộ khác; hãy kiểm tra lại tên.");
            }
            earlier.Add(draft);
        }
    }

    private static T? Word<T>(IReadOnlyDictionary<T, string> words, SheetRow row, string column, T? fallback, ImportErrors errors)
        where T : struct, Enum => errors.Word(words, row.Number, column, row.Values[At(column)], fallback);

    // The rows to insert, with every stored key set as HouseholdService.SaveAsync and SavePersonAsync set them.
    public static Household ToHousehold(HouseholdDraft draft, string code, int communeId)
    {
        var household = new Household
        {
            CommuneId = communeId, VillageId = draft.VillageId, Code = code, HeadName = VietnameseText.Clean(draft.HeadName),
            Address = draft.Address.Trim(), Phone = draft.Phone.Trim(), Status = draft.Status,
        };
        NameKeys.Set(household);
        household.Members = draft.Members.Select((p, i) => ToPerson(p, i + 1)).ToList();
        return household;
    }

    private static Person ToPerson(PersonDraft draft, int sortOrder)
    {
        var form = draft.Form;
        var person = new Person
        {
            FullName = VietnameseText.Clean(form.FullName),
            BirthDate = form.BirthDate is { } d ? DateOnly.FromDateTime(d) : null,
            Sex = form.Sex!.Value,
            Relation = form.Relation!.Value,
            Education = form.Education,
            Literacy = form.Literacy,
            Occupation = form.Occupation.Trim(),
            TargetGroup = form.TargetGroup,
            School = form.School,
            NationalId = string.IsNullOrWhiteSpace(form.NationalId) ? null : form.NationalId.Trim(),
            Status = draft.Status,
            SortOrder = sortOrder,
        };
        person.BirthYear = person.BirthDate?.Year ?? form.BirthYear;
        NameKeys.Set(person);
        return person;
    }
}
