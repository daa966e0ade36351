using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_People_HouseholdId_BirthYear_Status_StatusDate_ActiveFrom_TargetGroup",
                table: "People",
                columns: new[] { "HouseholdId", "BirthYear", "Status", "StatusDate", "ActiveFrom", "TargetGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_CommuneId_Status_StatusDate_ActiveFrom_VillageId",
                table: "Households",
                columns: new[] { "CommuneId", "Status", "StatusDate", "ActiveFrom", "VillageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_HouseholdId_BirthYear_Status_StatusDate_ActiveFrom_TargetGroup",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Households_CommuneId_Status_StatusDate_ActiveFrom_VillageId",
                table: "Households");
        }
    }
}
