namespace HocTapSuotDoi.Data;

// The administrative tree: province → commune → village (thôn / tổ dân phố).
// A default install has one commune, but nothing assumes there is only one.
public class Province
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Commune> Communes { get; set; } = [];
}

public class Commune
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public Province? Province { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Village> Villages { get; set; } = [];
    public List<Unit> Units { get; set; } = [];
}

public class Village
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}

// A unit of the commune (cơ quan, trường học, doanh nghiệp, hợp tác xã, đoàn thể, chi hội...).
public class Unit
{
    public int Id { get; set; }
    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
}

public enum UnitKind
{
    Agency = 1,
    School = 2,
    Enterprise = 3,
    Cooperative = 4,
    MassOrganisation = 5,
    Branch = 6,
    Other = 9,
}
