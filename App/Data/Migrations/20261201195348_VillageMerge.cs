using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <inheritdoc />
    public partial class VillageMerge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "Villages",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ActiveTo",
                table: "Villages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Villages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HouseholdVillageChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromVillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToVillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdVillageChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdVillageChange_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdVillageChange_Villages_FromVillageId",
                        column: x => x.FromVillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HouseholdVillageChange_Villages_ToVillageId",
                        column: x => x.ToVillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Villages_MergedIntoId",
                table: "Villages",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVillageChange_FromVillageId",
                table: "HouseholdVillageChange",
                column: "FromVillageId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVillageChange_HouseholdId_On",
                table: "HouseholdVillageChange",
                columns: new[] { "HouseholdId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVillageChange_On",
                table: "HouseholdVillageChange",
                column: "On");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVillageChange_ToVillageId",
                table: "HouseholdVillageChange",
                column: "ToVillageId");

            migrationBuilder.AddForeignKey(
                name: "FK_Villages_Villages_MergedIntoId",
                table: "Villages",
                column: "MergedIntoId",
                principalTable: "Villages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Villages_Villages_MergedIntoId",
                table: "Villages");

            migrationBuilder.DropTable(
                name: "HouseholdVillageChange");

            migrationBuilder.DropIndex(
                name: "IX_Villages_MergedIntoId",
                table: "Villages");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "Villages");

            migrationBuilder.DropColumn(
                name: "ActiveTo",
                table: "Villages");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Villages");
        }
    }
}
