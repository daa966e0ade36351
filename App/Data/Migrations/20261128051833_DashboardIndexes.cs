using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HocTapSuotDoi.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Registration_Year_Title_SubjectKind_SubjectId",
                table: "Registration",
                columns: new[] { "Year", "Title", "SubjectKind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_RegistrationId_Status",
                table: "Evaluation",
                columns: new[] { "RegistrationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Registration_Year_Title_SubjectKind_SubjectId",
                table: "Registration");

            migrationBuilder.DropIndex(
                name: "IX_Evaluation_RegistrationId_Status",
                table: "Evaluation");
        }
    }
}
