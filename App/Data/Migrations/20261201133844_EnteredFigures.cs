using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <inheritdoc />
    public partial class EnteredFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnteredFigure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    InputKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    OutOf = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnteredFigure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnteredFigure_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnteredFigure_CommuneId_Year_InputKey_SubjectKind_SubjectId",
                table: "EnteredFigure",
                columns: new[] { "CommuneId", "Year", "InputKey", "SubjectKind", "SubjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnteredFigure");
        }
    }
}
