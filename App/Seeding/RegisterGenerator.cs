using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Seeding;

public sealed record GeneratedClan(Clan Clan, IReadOnlyList<Household> Households);

public sealed record GeneratedRegister(IReadOnlyList<Household> Households, IReadOnlyList<GeneratedClan> Clans)
{
    public int People => Households.Sum(h => h.Members.Count);
}

// A plausible register of a rural Thanh Hóa commune: households of one to seven people (young families, three
// generations, elderly couples, people living alone), Vietnamese names, ages, schooling, occupations and clans.
// Deterministic: one System.Random with a fixed seed, drawn in a fixed order, and a fixed "as of" date, so the same
// seed and size give the same rows on every run and every machine.
public sealed class RegisterGenerator(int seed = RegisterGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20260101;

    // Ages are counted at the 2025–2026 school year; status dates fall in 2023–2025.
    public const int Year = 2025;
    private static readonly DateOnly FirstStatusDate = new(2023, 1, 1);

    private readonly Random _rng = new(seed);
    // Only asked "already used?": its iteration order never matters.
    private readonly HashSet<string> _nationalIds = [];

    public GeneratedRegister Generate(int communeId, IReadOnlyList<Village> villages, int people)
    {
        if (villages.Count == 0)
        {
            throw new ArgumentException("Cần ít nhất một thôn để tạo dữ liệu mẫu.", nameof(villages));
        }
        // Villages differ in size: weights from 0.5 to 1.5.
        var weights = villages.Select(_ => 0.5 + _rng.NextDouble()).ToArray();
        var hamlets = villages.Select(_ => Shuffle(VietnameseNames.Hamlets).Take(3 + _rng.Next(3)).ToArray()).ToArray();
        var numbers = new int[villages.Count];
        var clanMembers = VietnameseNames.Lineages.Select(_ => new List<Household>()).ToArray();
        var households = new List<Household>();
        var count = 0;
        while (count < people)
        {
            var v = PickWeighted(weights);
            var village = villages[v];
            var household = new Household
            {
                CommuneId = communeId,
                VillageId = village.Id,
                Code = $"{village.Code}-{++numbers[v]:0000}",
                HeadName = "",
                Address = $"{Pick(hamlets[v])}, {village.Name}",
                Phone = Chance(0.65) ? Phone() : "",
            };
            var lineage = AddMembers(household);
            SetHead(household);
            SetStatus(household);
            if (lineage is { } l)
            {
                clanMembers[l].Add(household);
            }
            households.Add(household);
            count += household.Members.Count;
        }

        var clans = VietnameseNames.Lineages.Select((lineage, i) =>
        {
            var members = clanMembers[i];
            var name = (i % 3 == 1 ? "Họ " : "Dòng họ ") + lineage.Family + " " + lineage.Middle;
            // The clan head (trưởng họ): the eldest man heading a member household.
            var eldest = members.Select(h => (Household: h, Head: h.Members.Single(m => m.Relation == Relation.Head)))
                .Where(x => x.Head.Sex == Sex.Male).OrderBy(x => x.Head.BirthYear).Select(x => x.Household).FirstOrDefault();
            var seat = eldest is null ? villages[0] : villages.First(x => x.Id == eldest.VillageId);
            var clan = new Clan
            {
                CommuneId = communeId,
                Name = name,
                NameSearch = VietnameseText.SearchKey(name),
                HeadName = eldest?.HeadName ?? $"{lineage.Family} {lineage.Middle} {Pick(VietnameseNames.OlderMaleGivenNames)}",
                Phone = eldest is { Phone.Length: > 0 } ? eldest.Phone : Phone(),
                Note = $"Nhà thờ họ ở {seat.Name}.",
            };
            return new GeneratedClan(clan, members);
        }).ToList();
        return new GeneratedRegister(households, clans);
    }

    // Adds the members, head first; returns the lineage (index in VietnameseNames.Lineages) of the head's clan, if any.
    private int? AddMembers(Household h)
    {
        var roll = _rng.NextDouble();
        if (roll < 0.09)
        {
            return SingleElder(h);
        }
        if (roll < 0.21)
        {
            return ElderCouple(h);
        }
        if (roll < 0.49)
        {
            return CoupleWithChildren(h, husbandAge: Between(24, 40));
        }
        if (roll < 0.83)
        {
            return CoupleWithChildren(h, husbandAge: Between(41, 60));
        }
        if (roll < 0.95)
        {
            return ThreeGenerations(h);
        }
        return SingleAdult(h);
    }

    private int? SingleElder(Household h)
    {
        var male = Chance(0.3);
        var (family, middle, lineage) = male ? MaleLine() : (Family(), null, null);
        Add(h, male ? Sex.Male : Sex.Female, Year - Between(65, 90), Relation.Head, family, middle);
        // A grandchild whose parents work far away.
        if (Chance(0.15))
        {
            Add(h, RandomSex(), Year - Between(6, 16), Relation.Grandchild, male ? family : Family());
        }
        return lineage;
    }

    private int? ElderCouple(Household h)
    {
        var (family, middle, lineage) = MaleLine();
        var (husband, wife) = Couple(h, Year - Between(66, 88), family, middle, wifeIsHead: Chance(0.1));
        if (Chance(0.04))
        {
            Leave(wife.Relation == Relation.Head ? husband : wife, PersonStatus.Deceased);
        }
        return lineage;
    }

    private int? CoupleWithChildren(Household h, int husbandAge)
    {
        var (family, middle, lineage) = MaleLine();
        var wifeIsHead = Chance(0.08);
        var (husband, wife) = Couple(h, Year - husbandAge, family, middle, wifeIsHead);
        if (!wifeIsHead && Chance(husbandAge < 41 ? 0.3 : 0.1))
        {
            Parents(h, husband);
        }
        var children = Children(h, wife.BirthYear!.Value, PickCount(husbandAge < 41 ? [10, 30, 45, 15] : [0, 30, 50, 20]),
            family, middle, Relation.Child);
        foreach (var child in children.Where(c => Year - c.BirthYear >= 18 && Chance(0.12)))
        {
            Leave(child, PersonStatus.MovedAway);
        }
        // A married son living with his parents: his wife and children.
        var son = children.FirstOrDefault(c => c.Sex == Sex.Male && c.Status == PersonStatus.Living && Year - c.BirthYear >= 22);
        if (son is not null && Chance(0.35))
        {
            var daughterInLaw = Add(h, Sex.Female, Math.Min(son.BirthYear!.Value + Between(0, 5), Year - 20), Relation.Other, Family());
            Children(h, daughterInLaw.BirthYear!.Value, PickCount([20, 45, 35]), family, middle, Relation.Grandchild);
        }
        return lineage;
    }

    private int? ThreeGenerations(Household h)
    {
        var (family, middle, lineage) = MaleLine();
        var headIsMan = Chance(0.6);
        int motherBirthYear;
        if (headIsMan)
        {
            var (_, wife) = Couple(h, Year - Between(61, 85), family, middle, wifeIsHead: false);
            motherBirthYear = wife.BirthYear!.Value;
            if (Chance(0.2))
            {
                Leave(wife, PersonStatus.Deceased);
            }
        }
        else
        {
            // A widow heading the household: it stays in her late husband's clan, which her children carry.
            motherBirthYear = Add(h, Sex.Female, Year - Between(61, 85), Relation.Head, Family()).BirthYear!.Value;
        }
        var son = Add(h, Sex.Male, motherBirthYear + Between(20, 34), Relation.Child, family, LineMiddle(middle));
        var daughterInLaw = Add(h, Sex.Female, Math.Min(son.BirthYear!.Value + Between(0, 5), Year - 20), Relation.Other, Family());
        Children(h, daughterInLaw.BirthYear!.Value, PickCount([0, 30, 50, 20]), family, middle, Relation.Grandchild);
        if (Chance(0.2))
        {
            var younger = Add(h, RandomSex(), Math.Min(son.BirthYear!.Value + Between(3, 10), Year - 16), Relation.Child, family, null);
            if (Year - younger.BirthYear >= 18 && Chance(0.3))
            {
                Leave(younger, PersonStatus.MovedAway);
            }
        }
        return lineage;
    }

    private int? SingleAdult(Household h)
    {
        if (Chance(0.5))
        {
            var mother = Add(h, Sex.Female, Year - Between(25, 45), Relation.Head, Family());
            Children(h, mother.BirthYear!.Value, 1 + _rng.Next(2), Family(), null, Relation.Child);
            return null;
        }
        var (family, middle, lineage) = MaleLine();
        Add(h, Sex.Male, Year - Between(22, 45), Relation.Head, family, middle);
        return lineage;
    }

    // A husband and his wife, 0–6 years younger (now and then 1–2 years older); the head is added first.
    private (Person Husband, Person Wife) Couple(Household h, int husbandBirthYear, string family, string? middle, bool wifeIsHead)
    {
        var wifeBirthYear = Math.Min(husbandBirthYear + (Chance(0.1) ? -Between(1, 2) : Between(0, 6)), Year - 19);
        if (wifeIsHead)
        {
            var wife = Add(h, Sex.Female, wifeBirthYear, Relation.Head, Family());
            return (Add(h, Sex.Male, husbandBirthYear, Relation.Spouse, family, middle), wife);
        }
        var husband = Add(h, Sex.Male, husbandBirthYear, Relation.Head, family, middle);
        return (husband, Add(h, Sex.Female, wifeBirthYear, Relation.Spouse, Family()));
    }

    // The head's widowed mother, or both parents; old parents may have died since the register was opened.
    private void Parents(Household h, Person head)
    {
        var headBirthYear = head.BirthYear!.Value;
        var mother = Add(h, Sex.Female, headBirthYear - Between(20, 32), Relation.Parent, Family());
        if (Chance(0.35))
        {
            var words = head.FullName.Split(' ');
            Add(h, Sex.Male, mother.BirthYear!.Value - Between(0, 6), Relation.Parent, words[0], words.Length > 2 ? words[1] : null);
        }
        foreach (var parent in h.Members.Where(p => p.Relation == Relation.Parent && Year - p.BirthYear >= 75 && Chance(0.2)).ToList())
        {
            Leave(parent, PersonStatus.Deceased);
        }
    }

    // Children of a mother born in motherBirthYear: the first when she is 20–29, then every 2–5 years, none after 2025.
    private List<Person> Children(Household h, int motherBirthYear, int count, string family, string? lineMiddle, Relation relation)
    {
        var children = new List<Person>();
        var year = motherBirthYear + Between(20, 29);
        for (var i = 0; i < count && year <= Year; i++)
        {
            var sex = RandomSex();
            children.Add(Add(h, sex, year, relation, family, sex == Sex.Male ? LineMiddle(lineMiddle) : null));
            year += Between(2, 5);
        }
        return children;
    }

    private Person Add(Household h, Sex sex, int birthYear, Relation relation, string family, string? middle = null)
    {
        var withDate = Chance(birthYear >= 1960 ? 0.8 : 0.45);
        var person = new Person
        {
            FullName = UniqueName(h, sex, birthYear, family, middle),
            Sex = sex,
            Relation = relation,
            BirthYear = birthYear,
            BirthDate = withDate ? new DateOnly(birthYear, 1, 1).AddDays(_rng.Next(DateTime.IsLeapYear(birthYear) ? 366 : 365)) : null,
            SortOrder = h.Members.Count + 1,
        };
        person.FullNameSearch = VietnameseText.SearchKey(person.FullName);
        person.FullNameSort = VietnameseText.SortKey(person.FullName);
        person.GivenNameSort = VietnameseText.GivenNameSortKey(person.FullName);
        Schooling(person);
        if (person.BirthDate is { } date && Year - birthYear >= 14 && Chance(0.05))
        {
            person.NationalId = NationalId(sex, date);
        }
        h.Members.Add(person);
        return person;
    }

    // Two members of one household never share a full name, and no one is named like "Trần Mai Mai".
    private string UniqueName(Household h, Sex sex, int birthYear, string family, string? middle)
    {
        while (true)
        {
            var middleName = middle ?? MiddleName(sex, birthYear);
            var given = GivenName(sex, birthYear);
            var name = $"{family} {middleName} {given}";
            if (middleName.Split(' ')[^1] != given && h.Members.All(m => m.FullName != name))
            {
                return name;
            }
            middle = null;
        }
    }

    private string MiddleName(Sex sex, int birthYear)
    {
        if (sex == Sex.Male)
        {
            return birthYear < 1980 && Chance(0.5) ? "Văn" : PickWeighted(VietnameseNames.MaleMiddleNames);
        }
        if (birthYear < 1980 && Chance(0.5))
        {
            return "Thị";
        }
        var middle = PickWeighted(VietnameseNames.FemaleMiddleNames);
        return middle == "Thị" && Chance(0.15) ? "Thị " + Pick(VietnameseNames.FemaleSecondMiddleNames) : middle;
    }

    private string GivenName(Sex sex, int birthYear) => (sex, birthYear < 1990) switch
    {
        (Sex.Male, true) => Pick(VietnameseNames.OlderMaleGivenNames),
        (Sex.Male, false) => Pick(VietnameseNames.YoungerMaleGivenNames),
        (_, true) => Pick(VietnameseNames.OlderFemaleGivenNames),
        _ => Pick(VietnameseNames.YoungerFemaleGivenNames),
    };

    // Schooling, literacy, occupation and the Công dân học tập group, plausible for the age and the generation.
    private void Schooling(Person p)
    {
        var age = Year - p.BirthYear!.Value;
        if (age < 6)
        {
            p.School = SchoolAttendance.NotYetOfAge;
            return;
        }
        if (age <= 17)
        {
            p.Literacy = age <= 7 ? Literacy.Level1 : Literacy.Level2;
            p.Education = age <= 10 ? EducationLevel.Primary : age <= 14 ? EducationLevel.LowerSecondary : EducationLevel.UpperSecondary;
            if (age >= 13 && Chance(0.03))
            {
                p.School = SchoolAttendance.DroppedOut;
                p.Education = age <= 14 ? EducationLevel.Primary : EducationLevel.LowerSecondary;
                p.Occupation = age >= 15 ? Pick(["Làm thuê", "Làm ruộng", "Lao động tự do"]) : "";
            }
            else
            {
                p.School = SchoolAttendance.Attending;
                p.Occupation = "Học sinh";
            }
            p.TargetGroup = age >= 15 ? GroupOf(p.Occupation) : CitizenGroup.None;
            return;
        }
        if (age <= 22 && Chance(0.3))
        {
            p.School = SchoolAttendance.Attending;
            p.Education = PickWeighted([(EducationLevel.University, 60), (EducationLevel.College, 25), (EducationLevel.Vocational, 15)]);
            p.Literacy = Literacy.Level2;
            p.Occupation = "Sinh viên";
            p.TargetGroup = CitizenGroup.Other;
            return;
        }
        p.Education = AdultEducation(p.BirthYear.Value);
        p.School = p.Education == EducationLevel.None ? SchoolAttendance.NotApplicable : SchoolAttendance.Completed;
        p.Literacy = p.Education switch
        {
            EducationLevel.None => Chance(0.5) ? Literacy.Illiterate : Literacy.Level1,
            EducationLevel.Primary when p.BirthYear < 1960 => Chance(0.5) ? Literacy.Level1 : Literacy.Level2,
            _ => Literacy.Level2,
        };
        p.Occupation = Occupation(p.Sex, age, p.Education);
        p.TargetGroup = GroupOf(p.Occupation);
    }

    private EducationLevel AdultEducation(int birthYear) => birthYear switch
    {
        >= 1985 => PickWeighted([(EducationLevel.Primary, 1), (EducationLevel.LowerSecondary, 20), (EducationLevel.UpperSecondary, 45),
            (EducationLevel.Vocational, 12), (EducationLevel.College, 8), (EducationLevel.University, 13), (EducationLevel.Postgraduate, 1)]),
        >= 1965 => PickWeighted([(EducationLevel.None, 1), (EducationLevel.Primary, 15), (EducationLevel.LowerSecondary, 40),
            (EducationLevel.UpperSecondary, 25), (EducationLevel.Vocational, 10), (EducationLevel.College, 4), (EducationLevel.University, 5)]),
        _ => PickWeighted([(EducationLevel.None, 10), (EducationLevel.Primary, 35), (EducationLevel.LowerSecondary, 35),
            (EducationLevel.UpperSecondary, 12), (EducationLevel.Vocational, 4), (EducationLevel.College, 1), (EducationLevel.University, 3)]),
    };

    private string Occupation(Sex sex, int age, EducationLevel education)
    {
        if (age >= 62)
        {
            return education >= EducationLevel.College && Chance(0.7)
                ? "Hưu trí"
                : PickWeighted([("Làm ruộng", 45), ("Làm vườn", 13), ("Chăn nuôi", 12), ("Nội trợ", 15), ("Hưu trí", 10), ("Buôn bán", 5)]);
        }
        if (education >= EducationLevel.College)
        {
            return PickWeighted([("Giáo viên", 30), ("Cán bộ, công chức", 20), ("Nhân viên văn phòng", 15), ("Nhân viên y tế", 12),
                ("Kỹ sư", 10), ("Kế toán", 8), ("Buôn bán", 5)]);
        }
        if (education == EducationLevel.Vocational)
        {
            return sex == Sex.Male
                ? PickWeighted([("Công nhân", 30), ("Thợ điện", 12), ("Thợ sửa xe", 10), ("Thợ xây", 12), ("Lái xe", 12), ("Y sĩ", 4), ("Làm ruộng", 15)])
                : PickWeighted([("Công nhân", 35), ("Thợ may", 25), ("Y sĩ", 8), ("Buôn bán", 10), ("Làm ruộng", 20)]);
        }
        return sex == Sex.Male
            ? PickWeighted([("Làm ruộng", 34), ("Chăn nuôi", 8), ("Trồng mía", 6), ("Công nhân", 18), ("Thợ xây", 9), ("Thợ mộc", 3),
                ("Lái xe", 4), ("Buôn bán", 5), ("Lao động tự do", 8), ("Làm thuê", 5)])
            : PickWeighted([("Làm ruộng", 36), ("Chăn nuôi", 8), ("Trồng mía", 4), ("Công nhân", 18), ("Thợ may", 8), ("Buôn bán", 11),
                ("Lao động tự do", 5), ("Làm thuê", 4), ("Nội trợ", 6)]);
    }

    public static CitizenGroup GroupOf(string occupation) => occupation switch
    {
        "Làm ruộng" or "Làm vườn" or "Chăn nuôi" or "Trồng mía" or "Lao động tự do" or "Làm thuê" or "Nội trợ" => CitizenGroup.FarmersAndRuralWorkers,
        "Công nhân" or "Thợ may" or "Thợ xây" or "Thợ mộc" or "Thợ điện" or "Thợ sửa xe" => CitizenGroup.IndustrialAndCraftWorkers,
        "Giáo viên" or "Cán bộ, công chức" or "Nhân viên văn phòng" or "Nhân viên y tế" or "Y sĩ" or "Kỹ sư" or "Kế toán" => CitizenGroup.OfficialsAndIntellectuals,
        "" => CitizenGroup.None,
        _ => CitizenGroup.Other,
    };

    private static void SetHead(Household h)
    {
        var head = h.Members.Single(m => m.Relation == Relation.Head);
        h.HeadName = head.FullName;
        h.HeadNameSearch = head.FullNameSearch;
        h.HeadNameSort = head.FullNameSort;
        h.HeadGivenNameSort = head.GivenNameSort;
    }

    // A few households have moved away or split since the register was opened; their rows stay, as the app keeps them.
    private void SetStatus(Household h)
    {
        var roll = _rng.NextDouble();
        if (roll < 0.02)
        {
            h.Status = HouseholdStatus.MovedAway;
            h.StatusDate = StatusDate();
            h.Note = Pick(["Cả hộ chuyển vào Bình Dương làm ăn.", "Chuyển ra thị trấn Cẩm Thủy.", "Chuyển về quê vợ ở Ngọc Lặc.", "Chuyển ra Hà Nội."]);
        }
        else if (roll < 0.03)
        {
            h.Status = HouseholdStatus.Split;
            h.StatusDate = StatusDate();
            h.Note = "Tách hộ: con trai lập hộ riêng.";
        }
    }

    private void Leave(Person p, PersonStatus status)
    {
        p.Status = status;
        p.StatusDate = StatusDate();
    }

    private DateOnly StatusDate() => FirstStatusDate.AddDays(_rng.Next(3 * 365));

    // CCCD: province code (038, Thanh Hóa), sex-and-century digit, two digits of the birth year, six random digits.
    private string NationalId(Sex sex, DateOnly birthDate)
    {
        var centuryDigit = (birthDate.Year >= 2000 ? 2 : 0) + (sex == Sex.Female ? 1 : 0);
        while (true)
        {
            var id = $"038{centuryDigit}{birthDate.Year % 100:00}{_rng.Next(1_000_000):000000}";
            if (_nationalIds.Add(id))
            {
                return id;
            }
        }
    }

    private string Phone() => Pick(VietnameseNames.PhonePrefixes) + _rng.Next(10_000_000).ToString("0000000", CultureInfo.InvariantCulture);

    // The family name of a man, and the lineage he belongs to: about half the men of a family with clans in the
    // commune belong to one of them and carry its middle name.
    private (string Family, string? Middle, int? Lineage) MaleLine()
    {
        var family = Family();
        var lineages = Enumerable.Range(0, VietnameseNames.Lineages.Length).Where(i => VietnameseNames.Lineages[i].Family == family).ToArray();
        if (lineages.Length == 0 || !Chance(0.55))
        {
            return (family, null, null);
        }
        var lineage = Pick(lineages);
        return (family, VietnameseNames.Lineages[lineage].Middle, lineage);
    }

    // Sons mostly keep the lineage's middle name.
    private string? LineMiddle(string? lineMiddle) => lineMiddle is not null && Chance(0.7) ? lineMiddle : null;

    private string Family() => PickWeighted(VietnameseNames.FamilyNames);

    private Sex RandomSex() => Chance(0.51) ? Sex.Male : Sex.Female;

    private bool Chance(double probability) => _rng.NextDouble() < probability;

    private int Between(int min, int max) => _rng.Next(min, max + 1);

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private int PickCount(int[] weights) => PickWeighted(weights.Select((w, i) => (i, w)).ToArray());

    private int PickWeighted(double[] weights)
    {
        var roll = _rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private T PickWeighted<T>((T Item, int Weight)[] items)
    {
        var roll = _rng.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            roll -= weight;
            if (roll < 0)
            {
                return item;
            }
        }
        return items[^1].Item;
    }

    private T[] Shuffle<T>(IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        _rng.Shuffle(copy);
        return copy;
    }
}
