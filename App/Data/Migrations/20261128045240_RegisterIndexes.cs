using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegisterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Households_CommuneId_HeadGivenNameSort",
                table: "Households",
                columns: new[] { "CommuneId", "HeadGivenNameSort" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_CommuneId_HeadNameSort",
                table: "Households",
                columns: new[] { "CommuneId", "HeadNameSort" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_CommuneId_HeadGivenNameSort",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_CommuneId_HeadNameSort",
                table: "Households");
        }
    }
}
