using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Seeding;

namespace HocTapSuotDoi.Tests.Seeding;

public sealed class RegisterGeneratorTests
{
    private static IReadOnlyList<Village> Villages(int count) =>
        Enumerable.Range(1, count).Select(i => new Village { Id = i, Code = $"T{i:00}", Name = $"Thôn {i}" }).ToList();

    private static string Text(GeneratedRegister register) => string.Join('\n',
        register.Households.SelectMany(h => h.Members.Select(p => $"{h.Code}|{h.Address}|{h.Phone}|{h.Status}|{p.FullName}|{p.BirthDate}|{p.BirthYear}|" +
            $"{p.Sex}|{p.Relation}|{p.Education}|{p.Occupation}|{p.School}|{p.NationalId}|{p.Status}"))
        .Concat(register.Clans.Select(c => $"{c.Clan.Name}|{c.Clan.HeadName}|{string.Join(',', c.Households.Select(h => h.Code))}")));

    [Fact]
    public void The_same_seed_and_size_give_the_same_register()
    {
        var first = new RegisterGenerator().Generate(1, Villages(10), 2_000);
        var second = new RegisterGenerator().Generate(1, Villages(10), 2_000);
        Assert.Equal(Text(first), Text(second));
        Assert.NotEqual(Text(first), Text(new RegisterGenerator(seed: 7).Generate(1, Villages(10), 2_000)));
    }

    [Theory]
    [InlineData(1_000, 5)]
    [InlineData(7_000, 10)]
    [InlineData(20_000, 20)]
    public void A_commune_gets_the_people_asked_for_in_households_of_about_three_and_a_half(int people, int villages)
    {
        var register = new RegisterGenerator().Generate(1, Villages(villages), people);
        Assert.InRange(register.People, people, people + 10);
        Assert.InRange((double)register.People / register.Households.Count, 3.3, 3.7);
        Assert.Equal(villages, register.Households.Select(h => h.VillageId).Distinct().Count());
        Assert.Equal(30, register.Clans.Count);
        Assert.Equal(register.Households.Count, register.Households.Select(h => h.Code).Distinct().Count());
    }

    [Fact]
    public void Family_names_follow_their_frequency_and_names_carry_diacritics()
    {
        var people = new RegisterGenerator().Generate(1, Villages(10), 7_000).Households.SelectMany(h => h.Members).ToList();
        var families = people.GroupBy(p => p.FullName.Split(' ')[0]).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        Assert.Equal(["Nguyễn", "Lê"], families.Take(2));
        Assert.Contains("Quách", families);
        Assert.InRange(people.Count(p => p.FullName.StartsWith("Nguyễn ")), people.Count / 5, people.Count * 2 / 5);
        Assert.Contains(people, p => p.FullName.Contains(" Thị ") && p.Sex == Sex.Female);
        Assert.DoesNotContain(people, p => p.FullName.Contains(" Thị ") && p.Sex == Sex.Male);
        Assert.DoesNotContain(people, p => p.FullName.Contains(" Văn ") && p.Sex == Sex.Female);
        Assert.All(people, p => Assert.InRange(p.FullName.Split(' ').Length, 3, 4));
    }
}
