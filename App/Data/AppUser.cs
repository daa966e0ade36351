using Microsoft.AspNetCore.Identity;

namespace HocTapSuotDoi.Data;

public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    // Scope: what part of the tree the user may see and change, checked by the services.
    public ScopeKind ScopeKind { get; set; }
    public int CommuneId { get; set; }
    public Commune? Commune { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public List<UserVillage> Villages { get; set; } = [];

    // Set when the password was generated (first administrator, reset): the user must choose a new one.
    public bool MustChangePassword { get; set; }
    public int? WorkingYear { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastSignInAtUtc { get; set; }
}

public enum ScopeKind
{
    Commune = 1,
    Villages = 2,
    Unit = 3,
}

public class UserVillage
{
    public required string UserId { get; set; }
    public int VillageId { get; set; }
    public Village? Village { get; set; }
}
