using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HocTapSuotDoi.Data;

// EF Core's SQLite provider sends one command per added row (SingularModificationCommandBatch): 25,000 rows took over
// 6 s. Bulk writers (Excel import, demo data) write through one prepared INSERT per table instead, inside the context's transaction, built from
// the EF model (same table, columns and value conversions), and stamps audited rows as AppDbContext.SaveChangesAsync
// stamps added ones.
public sealed class BulkInsert<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly List<(IProperty Property, DbParameter Parameter)> _columns = [];
    private readonly IProperty? _identity;
    private readonly string _actor;
    private readonly DateTime _now;

    public BulkInsert(AppDbContext db, string actor, DateTime now)
    {
        (_actor, _now) = (actor, now);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _identity = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } id] ? id : null;
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the import's transaction.");
        foreach (var property in entity.GetProperties().Where(p => p != _identity))
        {
            var parameter = property.GetRelationalTypeMapping().CreateParameter(_command, "@p" + _columns.Count, null, property.IsNullable);
            _command.Parameters.Add(parameter);
            _columns.Add((property, parameter));
        }
        var columns = string.Join(", ", _columns.Select(c => Quote(c.Property.GetColumnName(table)!)));
        var values = string.Join(", ", _columns.Select(c => c.Parameter.ParameterName));
        var returning = _identity is null ? "" : " RETURNING " + Quote(_identity.GetColumnName(table)!);
        _command.CommandText = $"INSERT INTO {Quote(table.Name)} ({columns}) VALUES ({values}){returning}";
        _command.Prepare();
    }

    public void Add(T row)
    {
        if (row is IAudited audited)
        {
            audited.CreatedAtUtc = audited.UpdatedAtUtc = _now;
            audited.CreatedBy = audited.UpdatedBy = _actor;
            audited.Version = 1;
        }
        foreach (var (property, parameter) in _columns)
        {
            var value = property.GetGetter().GetClrValue(row);
            var converter = property.GetTypeMapping().Converter;
            parameter.Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }
        if (_identity is null)
        {
            _command.ExecuteNonQuery();
        }
        else
        {
            _identity.PropertyInfo!.SetValue(row, Convert.ChangeType(_command.ExecuteScalar(), _identity.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => _command.Dispose();

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}

public static class BulkInsert
{
    // Writes all rows of one entity; ids the database generates are set on the rows.
    public static void Insert<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        using var insert = new BulkInsert<T>(db, db.Actor, db.Clock.UtcNow);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            insert.Add(row);
        }
    }
}
