using Microsoft.AspNetCore.Antiforgery;

namespace HocTapSuotDoi.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A POST with the antiforgery token (the form in the user menu), never a GET: a link cannot sign anyone out. The
        // token is checked here: the antiforgery middleware checks only endpoints that bind a form.
        app.MapPost("/dang-xuat", async (HttpContext context, IAntiforgery antiforgery, AccountService accounts) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Text("Yêu cầu đăng xuất không hợp lệ: hãy dùng nút \"Đăng xuất\" trong trình đơn tài khoản.",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            await accounts.SignOutAsync();
            return Results.LocalRedirect("/dang-nhap");
        });
    }
}

// A user whose password was generated must change it before anything else: every other page request is sent to the
// change page, and the interactive circuit (/_blazor) is refused, so no feature runs until the password is changed.
public sealed class ForcePasswordChangeMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/doi-mat-khau", "/dang-xuat", "/dang-nhap", "/khong-co-quyen", "/loi", "/health", "/_framework", "/_content", "/assets"];

    // The page's own stylesheets, scripts, fonts and pictures; never a download (.db, .docx, .xlsx, .pdf) of the app's data.
    private static readonly HashSet<string> AssetExtensions =
        new([".css", ".js", ".mjs", ".map", ".svg", ".png", ".jpg", ".ico", ".woff", ".woff2", ".ttf", ".webmanifest"], StringComparer.OrdinalIgnoreCase);

    private static bool IsStaticAsset(PathString path) =>
        path.Value is { } value && value.LastIndexOf('/') == 0 && AssetExtensions.Contains(Path.GetExtension(value));

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(AppClaims.MustChangePassword, "true")
            && !Allowed.Any(a => path.StartsWithSegments(a))
            && !IsStaticAsset(path))
        {
            if (path.StartsWithSegments("/_blazor") || !HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            context.Response.Redirect("/doi-mat-khau");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
