using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <summary>Change stamps for the dashboard's cache (Features/Dashboard/DashboardCache.cs): every write to a table
    /// the figures are counted from bumps a counter, by triggers, so no write path (EF, bulk insert, ExecuteUpdate, raw
    /// SQL) can forget it. Kind 'Y' is a year's own inputs (registrations, evaluations, decisions, entered figures);
    /// kind 'R' is a register change that can alter the figures of its year and every later year (year-true rule).
    /// SQLite only: on another provider the dashboard is not cached.</summary>
    public partial class DashboardStamps : Migration
    {
        // SQL for "the year of a date column": DateOnly is stored as 'yyyy-MM-dd'.
        private static string YearOf(string column) => $"CAST(substr({column}, 1, 4) AS INTEGER)";

        // The first year a register row's update can change: 0 (all years) when what it belongs to changes, the
        // earliest of the old and new dates when only its dates or status change, 9999 (none) otherwise.
        private static string RegisterYear(string[] wholeHistory) => $"""
            CASE WHEN {string.Join(" OR ", wholeHistory.Select(c => $"OLD.\"{c}\" IS NOT NEW.\"{c}\""))} THEN 0
            ELSE MIN(
                CASE WHEN OLD."ActiveFrom" IS NEW."ActiveFrom" THEN 9999
                     ELSE MIN(COALESCE({YearOf("OLD.\"ActiveFrom\"")}, 0), COALESCE({YearOf("NEW.\"ActiveFrom\"")}, 0)) END,
                CASE WHEN OLD."Status" IS NEW."Status" AND OLD."StatusDate" IS NEW."StatusDate" THEN 9999
                     WHEN OLD."StatusDate" IS NULL AND NEW."StatusDate" IS NULL THEN 0
                     ELSE MIN(COALESCE({YearOf("OLD.\"StatusDate\"")}, 9999), COALESCE({YearOf("NEW.\"StatusDate\"")}, 9999)) END)
            END
            """;

        private static readonly (string Table, string Kind, string Insert, string Update, string Delete)[] Stamps =
        [
            ("Registration", "Y", "NEW.\"Year\"", "NEW.\"Year\"", "OLD.\"Year\""),
            ("Evaluation", "Y", "(SELECT \"Year\" FROM \"Registration\" WHERE \"Id\" = NEW.\"RegistrationId\")",
                "(SELECT \"Year\" FROM \"Registration\" WHERE \"Id\" = NEW.\"RegistrationId\")", "(SELECT \"Year\" FROM \"Registration\" WHERE \"Id\" = OLD.\"RegistrationId\")"),
            ("Decisions", "Y", "NEW.\"Year\"", "NEW.\"Year\"", "OLD.\"Year\""),
            ("PastYearFigure", "Y", "NEW.\"Year\"", "NEW.\"Year\"", "OLD.\"Year\""),
            ("EnteredFigure", "Y", "NEW.\"Year\"", "NEW.\"Year\"", "OLD.\"Year\""),
            ("Targets", "R", "NEW.\"FromYear\"", "MIN(OLD.\"FromYear\", NEW.\"FromYear\")", "OLD.\"FromYear\""),
            ("Households", "R", $"COALESCE({YearOf("NEW.\"ActiveFrom\"")}, 0)", RegisterYear(["CommuneId", "VillageId"]), "0"),
            ("People", "R", $"COALESCE({YearOf("NEW.\"ActiveFrom\"")}, 0)", RegisterYear(["HouseholdId", "BirthYear", "TargetGroup"]), "0"),
            ("Clans", "R", "0", "CASE WHEN OLD.\"CommuneId\" IS NOT NEW.\"CommuneId\" THEN 0 ELSE 9999 END", "0"),
            ("Villages", "R", "0", "0", "0"),
            ("Units", "R", "0", "0", "0"),
            ("Communes", "R", "0", "0", "0"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardStamp" ("Kind" TEXT NOT NULL, "Year" INTEGER NOT NULL, "Version" INTEGER NOT NULL,
                    PRIMARY KEY ("Kind", "Year")) WITHOUT ROWID;
                """);
            foreach (var (table, kind, insert, update, delete) in Stamps)
            {
                foreach (var (when, year) in new[] { ("INSERT", insert), ("UPDATE", update), ("DELETE", delete) })
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "DashboardStamp_{table}_{when}" AFTER {when} ON "{table}" BEGIN
                            INSERT INTO "DashboardStamp" ("Kind", "Year", "Version")
                                SELECT '{kind}', y, 1 FROM (SELECT {year} AS y) WHERE y IS NOT NULL AND y < 9999
                                ON CONFLICT ("Kind", "Year") DO UPDATE SET "Version" = "Version" + 1;
                        END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            foreach (var (table, _, _, _, _) in Stamps)
            {
                foreach (var when in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER \"DashboardStamp_{table}_{when}\";");
                }
            }
            migrationBuilder.Sql("DROP TABLE \"DashboardStamp\";");
        }
    }
}
