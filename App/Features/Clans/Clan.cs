using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Clans;

// A clan (dòng họ): member households may live in several villages of the commune.
public class Clan : AuditedEntity
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public required string Name { get; set; }
    public string NameSearch { get; set; } = "";
    public string HeadName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Note { get; set; } = "";
    public List<ClanMember> Members { get; set; } = [];
}

public class ClanMember
{
    public int ClanId { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
}
