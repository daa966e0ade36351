using HocTapSuotDoi.Setup;
using Microsoft.AspNetCore.Identity;

namespace HocTapSuotDoi.Seeding;

// What every install needs: the roles, the commune of the settings, and a first administrator. Idempotent.
public sealed class InitialDataSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    AppSettings settings,
    TimeProvider clock,
    ILogger<InitialDataSeeder> logger)
{
    public async Task<Commune> SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var commune = await EnsureCommuneAsync();
        await EnsureAdministratorAsync(commune);
        return commune;
    }

    private async Task<Commune> EnsureCommuneAsync()
    {
        var provinceCode = TextKeys.Code(settings.Commune.ProvinceName);
        var province = await db.Provinces.SingleOrDefaultAsync(p => p.Code == provinceCode);
        if (province is null)
        {
            province = new Province { Code = provinceCode, Name = settings.Commune.ProvinceName };
            db.Provinces.Add(province);
        }
        var communeCode = TextKeys.Code(settings.Commune.Name);
        var commune = await db.Communes.SingleOrDefaultAsync(c => c.Code == communeCode);
        if (commune is null)
        {
            commune = new Commune { Code = communeCode, Name = settings.Commune.Name, Province = province };
            db.Communes.Add(commune);
        }
        await db.SaveChangesAsync();
        return commune;
    }

    private async Task EnsureAdministratorAsync(Commune commune)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }
        var generated = string.IsNullOrEmpty(settings.Admin.Password);
        var password = generated ? PasswordGenerator.Generate() : settings.Admin.Password!;
        var admin = new AppUser
        {
            UserName = settings.Admin.Email,
            Email = settings.Admin.Email,
            EmailConfirmed = true,
            FullName = settings.Admin.FullName,
            ScopeKind = ScopeKind.Commune,
            CommuneId = commune.Id,
            MustChangePassword = generated,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidSettingsException(
                $"Không tạo được quản trị viên đầu tiên từ Admin:Email/Admin:Password: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        await users.AddToRoleAsync(admin, Roles.Administrator);
        if (generated)
        {
            // Written once, at creation; the administrator must change it at first sign-in.
            logger.LogWarning("Đã tạo quản trị viên đầu tiên {Email} với mật khẩu tạm thời: {Password} — hãy đăng nhập và đổi mật khẩu ngay.",
                admin.Email, password);
        }
        else
        {
            logger.LogInformation("Đã tạo quản trị viên đầu tiên {Email} với mật khẩu trong cài đặt Admin:Password.", admin.Email);
        }
    }
}
