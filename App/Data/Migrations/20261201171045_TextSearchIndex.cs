using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <summary>Trigram FTS5 indexes over the stored search keys of households and people (external content: the
    /// index holds only trigrams, the text stays in its table), kept in step by triggers; see Data/TextSearch.cs.
    /// SQLite only: on another provider the searches use Contains.</summary>
    public partial class TextSearchIndex : Migration
    {
        private static readonly (string Index, string Table, string[] Columns)[] Indexes =
        [
            ("HouseholdSearch", "Households", ["HeadNameSearch", "Code", "Phone"]),
            ("PersonSearch", "People", ["FullNameSearch"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            foreach (var (index, table, columns) in Indexes)
            {
                var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
                var news = string.Join(", ", columns.Select(c => $"new.\"{c}\""));
                var olds = string.Join(", ", columns.Select(c => $"old.\"{c}\""));
                migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"{index}\" USING fts5({list}, content='{table}', content_rowid='Id', tokenize='trigram');");
                migrationBuilder.Sql($"INSERT INTO \"{index}\"(\"{index}\") VALUES('rebuild');");
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{index}_Insert" AFTER INSERT ON "{table}" BEGIN
                        INSERT INTO "{index}"(rowid, {list}) VALUES (new."Id", {news});
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{index}_Delete" AFTER DELETE ON "{table}" BEGIN
                        INSERT INTO "{index}"("{index}", rowid, {list}) VALUES ('delete', old."Id", {olds});
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{index}_Update" AFTER UPDATE OF {list} ON "{table}" BEGIN
                        INSERT INTO "{index}"("{index}", rowid, {list}) VALUES ('delete', old."Id", {olds});
                        INSERT INTO "{index}"(rowid, {list}) VALUES (new."Id", {news});
                    END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            foreach (var (index, _, _) in Indexes)
            {
                foreach (var trigger in new[] { "Insert", "Delete", "Update" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{index}_{trigger}\";");
                }
                migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{index}\";");
            }
        }
    }
}
