using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HocTapSuotDoi.Features.Scoring.ResultsImport;

// Writes a checked results file inside the caller's transaction: new sheets through BulkInsert, existing sheets through
// one prepared UPDATE (checked on their version), and the audit lines through BulkInsert. EF's change tracker would
// send a command per sheet and per line and keep 30.000 entities; this keeps one command per table.
internal static class ResultsWriter
{
    public static void Write(AppDbContext db, UserScope scope, ResultsPreview preview, IReadOnlyList<SheetChange> changes, string? overwriteReason,
        DateTime now, CancellationToken ct)
    {
        var evaluationIds = new int[changes.Count];
        var fresh = changes.Select((c, i) => (Change: c, Index: i)).Where(x => x.Change.EvaluationId is null).ToList();
        var sheets = fresh.Select(x => new Evaluation
        {
            RegistrationId = x.Change.RegistrationId, CriteriaSetId = preview.CriteriaSetId, Status = EvaluationStatus.Submitted,
            AnswersJson = x.Change.Answers.ToJson(), TotalTenths = x.Change.TotalTenths, Rating = x.Change.Rating, MeetsCriteria = x.Change.Meets,
        }).ToList();
        using (var insert = new BulkInsert<Evaluation>(db, scope.Name, now))
        {
            foreach (var sheet in sheets)
            {
                insert.Add(sheet);
            }
        }
        for (var i = 0; i < fresh.Count; i++)
        {
            evaluationIds[fresh[i].Index] = sheets[i].Id;
        }

        using (var update = new SheetUpdate(db))
        {
            for (var i = 0; i < changes.Count; i++)
            {
                if (changes[i].EvaluationId is { } id)
                {
                    evaluationIds[i] = id;
                    update.Run(id, changes[i], scope.Name, now);
                    if (i % 1000 == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }
                }
            }
        }

        using var audit = new BulkInsert<EvaluationAudit>(db, scope.Name, now);
        var submitted = EvaluationStatus.Submitted.Text();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var reason = $"nhập từ tệp {preview.FileName}, dòng {change.Row}" + (change.From is EvaluationStatus.Reviewed or EvaluationStatus.NotRecognised ? "; ghi đè hồ sơ đã duyệt, lý do: " + overwriteReason : "");
            reason = reason.Length > 1000 ? reason[..1000] : reason;
            foreach (var value in change.Values)
            {
                audit.Add(new EvaluationAudit { EvaluationId = evaluationIds[i], AtUtc = now, By = scope.Name, What = value.What, Old = Cut(value.Old), New = Cut(value.New), Reason = reason });
            }
            if (change.From != EvaluationStatus.Submitted)
            {
                audit.Add(new EvaluationAudit { EvaluationId = evaluationIds[i], AtUtc = now, By = scope.Name, What = "Trạng thái", Old = change.From?.Text() ?? "Chưa chấm", New = submitted, Reason = reason });
            }
        }
    }

    private static string Cut(string text) => text.Length > 1000 ? text[..1000] : text;

    // UPDATE of one sheet's answers, result and status, only if its version is still the one the preview saw.
    private sealed class SheetUpdate : IDisposable
    {
        private readonly DbCommand _command;
        private readonly Dictionary<string, (IProperty Property, DbParameter Parameter)> _parameters = [];

        public SheetUpdate(AppDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(Evaluation))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            _command = db.Database.GetDbConnection().CreateCommand();
            _command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            string Column(string name) => Quote(entity.FindProperty(name)!.GetColumnName(table)!);
            string Parameter(string name)
            {
                var property = entity.FindProperty(name)!;
                var parameter = property.GetRelationalTypeMapping().CreateParameter(_command, "@" + name, null, property.IsNullable);
                _command.Parameters.Add(parameter);
                _parameters[name] = (property, parameter);
                return parameter.ParameterName;
            }
            string[] set = [nameof(Evaluation.AnswersJson), nameof(Evaluation.TotalTenths), nameof(Evaluation.Rating), nameof(Evaluation.MeetsCriteria),
                nameof(Evaluation.Status), nameof(Evaluation.UpdatedAtUtc), nameof(Evaluation.UpdatedBy)];
            var version = Column(nameof(Evaluation.Version));
            var edited = Column(nameof(Evaluation.EditedAfterReview));
            _command.CommandText = $"UPDATE {Quote(table.Name)} SET {string.Join(", ", set.Select(n => $"{Column(n)} = {Parameter(n)}"))}, {version} = {version} + 1, " +
                $"{edited} = ({edited} OR {Parameter(nameof(Evaluation.EditedAfterReview))}) " +
                $"WHERE {Column(nameof(Evaluation.Id))} = {Parameter(nameof(Evaluation.Id))} AND {version} = {Parameter(nameof(Evaluation.Version))}";
            _command.Prepare();
        }

        public void Run(int id, SheetChange change, string by, DateTime now)
        {
            Set(nameof(Evaluation.AnswersJson), change.Answers.ToJson());
            Set(nameof(Evaluation.TotalTenths), change.TotalTenths);
            Set(nameof(Evaluation.Rating), change.Rating);
            Set(nameof(Evaluation.MeetsCriteria), change.Meets);
            Set(nameof(Evaluation.Status), EvaluationStatus.Submitted);
            // Overwriting an approved sheet is an edit after review, as "mở lại" marks it.
            Set(nameof(Evaluation.EditedAfterReview), change.From is EvaluationStatus.Reviewed or EvaluationStatus.NotRecognised);
            Set(nameof(Evaluation.UpdatedAtUtc), now);
            Set(nameof(Evaluation.UpdatedBy), by);
            Set(nameof(Evaluation.Id), id);
            Set(nameof(Evaluation.Version), change.Version);
            if (_command.ExecuteNonQuery() != 1)
            {
                throw new StaleEditException($"Hồ sơ dòng {change.Row} ({change.Who}) vừa được người khác thay đổi. Chưa ghi gì: hãy tải tệp lên lại.");
            }
        }

        private void Set(string name, object value)
        {
            var (property, parameter) = _parameters[name];
            var converter = property.GetTypeMapping().Converter;
            parameter.Value = converter is null ? value : converter.ConvertToProvider(value);
        }

        public void Dispose() => _command.Dispose();

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
    }
}
