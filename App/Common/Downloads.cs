namespace HocTapSuotDoi.Common;

// A document the app generated, as the browser downloads it.
public sealed record DownloadFile(string FileName, string ContentType, byte[] Content);

public static class Downloads
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Serves a generated document. A refusal answers in Vietnamese plain text instead of an error page: out of scope 403,
    // a request the rules refuse with `refusedStatus` (400 unless the caller says why another fits).
    public static async Task<IResult> ServeAsync(Func<Task<DownloadFile>> make, int refusedStatus = StatusCodes.Status400BadRequest)
    {
        try
        {
            var file = await make();
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (ForbiddenException ex)
        {
            return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ValidationException ex)
        {
            return Results.Text(ex.Errors.FirstOrDefault()?.ErrorMessage ?? ex.Message, "text/plain; charset=utf-8", statusCode: refusedStatus);
        }
    }
}
