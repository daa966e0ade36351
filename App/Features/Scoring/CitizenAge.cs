namespace HocTapSuotDoi.Features.Scoring;

// Công dân học tập is for people of registrable age: 15 or over in the year, i.e. born in or before (year − 15). The same
// rule decides who may be registered and who counts in the title's "tổng số" (DOMAIN.md §4.8). A person whose birth
// year is unknown can be neither.
public static class CitizenAge
{
    public const int Minimum = 15;

    public static int LatestBirthYear(int year) => year - Minimum;

    public static string Rule(int year) => $"người từ {Minimum} tuổi trở lên (sinh năm {LatestBirthYear(year)} trở về trước)";
}
