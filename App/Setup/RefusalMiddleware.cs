namespace HocTapSuotDoi.Setup;

// A refusal thrown by a download endpoint or a server-rendered page (out of scope, missing, invalid input) answers with
// its status and its Vietnamese message, instead of a 500 "error" page for what is not an error of the software.
public sealed class RefusalMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && StatusOf(ex) is { } status)
        {
            context.Response.Clear();
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(UserMessages.Of(ex));
        }
    }

    private static int? StatusOf(Exception ex) => ex switch
    {
        ForbiddenException => StatusCodes.Status403Forbidden,
        ValidationException => StatusCodes.Status400BadRequest,
        _ => null,
    };
}
