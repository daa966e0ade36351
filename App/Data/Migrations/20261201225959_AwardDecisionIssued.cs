using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <inheritdoc />
    public partial class AwardDecisionIssued : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HouseholdId",
                table: "FundEntry",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "FundEntry",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DecisionIssuedAtUtc",
                table: "AwardRound",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionIssuedBy",
                table: "AwardRound",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntry_HouseholdId",
                table: "FundEntry",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntry_UnitId",
                table: "FundEntry",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_FundEntry_Households_HouseholdId",
                table: "FundEntry",
                column: "HouseholdId",
                principalTable: "Households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FundEntry_Units_UnitId",
                table: "FundEntry",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FundEntry_Households_HouseholdId",
                table: "FundEntry");

            migrationBuilder.DropForeignKey(
                name: "FK_FundEntry_Units_UnitId",
                table: "FundEntry");

            migrationBuilder.DropIndex(
                name: "IX_FundEntry_HouseholdId",
                table: "FundEntry");

            migrationBuilder.DropIndex(
                name: "IX_FundEntry_UnitId",
                table: "FundEntry");

            migrationBuilder.DropColumn(
                name: "HouseholdId",
                table: "FundEntry");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "FundEntry");

            migrationBuilder.DropColumn(
                name: "DecisionIssuedAtUtc",
                table: "AwardRound");

            migrationBuilder.DropColumn(
                name: "DecisionIssuedBy",
                table: "AwardRound");
        }
    }
}
