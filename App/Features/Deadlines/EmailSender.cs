using HocTapSuotDoi.Setup;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HocTapSuotDoi.Features.Deadlines;

public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string Body);

// One connection to the mail server, used for a batch of messages.
public interface IEmailSession : IAsyncDisposable
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

public interface IEmailSender
{
    bool Enabled { get; }
    Task<IEmailSession> OpenAsync(CancellationToken ct);
}

// E-mail over SMTP with MailKit. A message counts as sent only when SendAsync returns: the server has accepted it.
public sealed class SmtpEmailSender(AppSettings settings) : IEmailSender
{
    public bool Enabled => settings.Smtp.Enabled;

    public async Task<IEmailSession> OpenAsync(CancellationToken ct)
    {
        var smtp = settings.Smtp;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
            }
            return new Session(client, new MailboxAddress(smtp.FromName, smtp.FromAddress));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client, MailboxAddress from) : IEmailSession
    {
        public async Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            var mime = new MimeMessage();
            mime.From.Add(from);
            mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
            mime.Subject = message.Subject;
            mime.Body = new TextPart("plain") { Text = message.Body };
            await client.SendAsync(FormatOptions.Default, mime, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true);
                }
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages already accepted stay accepted; a failed QUIT changes nothing.
            }
            client.Dispose();
        }
    }
}
