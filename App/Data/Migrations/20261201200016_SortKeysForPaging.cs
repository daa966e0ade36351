using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <inheritdoc />
    public partial class SortKeysForPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_GivenNameSort",
                table: "People");

            migrationBuilder.AddColumn<string>(
                name: "SubjectSortKey",
                table: "Registration",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_People_FullNameSort_Id_HouseholdId",
                table: "People",
                columns: new[] { "FullNameSort", "Id", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_People_GivenNameSort_Id_HouseholdId",
                table: "People",
                columns: new[] { "GivenNameSort", "Id", "HouseholdId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_FullNameSort_Id_HouseholdId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_GivenNameSort_Id_HouseholdId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SubjectSortKey",
                table: "Registration");

            migrationBuilder.CreateIndex(
                name: "IX_People_GivenNameSort",
                table: "People",
                column: "GivenNameSort");
        }
    }
}
