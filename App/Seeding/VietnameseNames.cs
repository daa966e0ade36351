namespace HocTapSuotDoi.Seeding;

// Name parts for generated registers. Family names weigh roughly as in Vietnam, with the names common in Thanh Hóa and
// among the Mường of Cẩm Thủy (Bùi, Quách, Hà, Đinh, Trương) raised. Arrays, not sets: their order makes the draws.
public static class VietnameseNames
{
    public static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 300), ("Lê", 130), ("Trần", 80), ("Phạm", 75), ("Bùi", 55), ("Hoàng", 38), ("Huỳnh", 3),
        ("Phan", 20), ("Vũ", 28), ("Võ", 6), ("Đặng", 20), ("Đỗ", 20), ("Hồ", 12), ("Ngô", 15), ("Dương", 11),
        ("Lý", 5), ("Trịnh", 26), ("Quách", 24), ("Trương", 20), ("Cao", 18), ("Mai", 18), ("Lương", 14),
        ("Hà", 30), ("Đinh", 20),
    ];

    public static readonly (string Name, int Weight)[] MaleMiddleNames =
    [
        ("Văn", 60), ("Đức", 7), ("Hữu", 6), ("Công", 5), ("Minh", 6), ("Quang", 4), ("Xuân", 4), ("Đình", 5),
        ("Ngọc", 3), ("Thành", 3), ("Tiến", 2), ("Trọng", 2), ("Mạnh", 2), ("Bá", 2), ("Duy", 3), ("Gia", 2),
        ("Hoàng", 2), ("Anh", 2),
    ];

    public static readonly (string Name, int Weight)[] FemaleMiddleNames =
    [
        ("Thị", 60), ("Ngọc", 7), ("Thu", 6), ("Thanh", 6), ("Thúy", 3), ("Hồng", 4), ("Minh", 3), ("Phương", 3),
        ("Kim", 3), ("Khánh", 2), ("Bảo", 2), ("Mai", 2), ("Diệu", 1), ("Hải", 2),
    ];

    // A second middle name after "Thị", as in "Nguyễn Thị Thu Hà".
    public static readonly string[] FemaleSecondMiddleNames = ["Thu", "Thanh", "Ngọc", "Hồng", "Minh", "Kim", "Phương", "Mai"];

    public static readonly string[] OlderMaleGivenNames =
    [
        "An", "Bình", "Cường", "Chiến", "Công", "Dũng", "Đạt", "Định", "Đông", "Giang", "Hải", "Hào", "Hòa", "Hùng",
        "Hưng", "Khánh", "Lâm", "Lợi", "Long", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Quý",
        "Sơn", "Tài", "Tâm", "Thắng", "Thanh", "Thành", "Thịnh", "Thọ", "Thuận", "Tiến", "Toàn", "Trung", "Tuấn",
        "Tùng", "Việt", "Vinh", "Xuân", "Hợp", "Kỳ", "Hiển", "Khải",
    ];

    public static readonly string[] YoungerMaleGivenNames =
    [
        "An", "Anh", "Bảo", "Cường", "Duy", "Dũng", "Đạt", "Đăng", "Đức", "Hải", "Hiếu", "Hoàng", "Huy", "Hùng",
        "Khang", "Khánh", "Khôi", "Kiên", "Lâm", "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phát", "Phong", "Phúc",
        "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vũ",
    ];

    public static readonly string[] OlderFemaleGivenNames =
    [
        "Bích", "Cúc", "Dung", "Duyên", "Đào", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hòa", "Hồng", "Huệ", "Hương",
        "Huyền", "Lan", "Liên", "Loan", "Lý", "Mai", "Mến", "Nga", "Nhàn", "Nhung", "Nụ", "Oanh", "Phượng", "Quế",
        "Sen", "Tâm", "Thắm", "Thảo", "Thơm", "Thu", "Thủy", "Thúy", "Tuyết", "Vân", "Xuân", "Yến",
    ];

    public static readonly string[] YoungerFemaleGivenNames =
    [
        "An", "Anh", "Ánh", "Chi", "Dung", "Diệp", "Giang", "Hà", "Hân", "Hằng", "Hiền", "Hoa", "Hương", "Huyền",
        "Lan", "Linh", "Ly", "Mai", "My", "Ngân", "Ngọc", "Nhi", "Nhung", "Phương", "Quỳnh", "Thảo", "Thư", "Thủy",
        "Trâm", "Trang", "Uyên", "Vân", "Vy", "Yến",
    ];

    // Thirty lineages of the commune: family name and the middle name their men carry.
    public static readonly (string Family, string Middle)[] Lineages =
    [
        ("Nguyễn", "Văn"), ("Nguyễn", "Đình"), ("Nguyễn", "Hữu"), ("Nguyễn", "Công"), ("Lê", "Đình"), ("Lê", "Văn"),
        ("Lê", "Huy"), ("Trần", "Văn"), ("Trần", "Đức"), ("Phạm", "Văn"), ("Phạm", "Bá"), ("Bùi", "Văn"),
        ("Bùi", "Xuân"), ("Hoàng", "Văn"), ("Vũ", "Đức"), ("Vũ", "Văn"), ("Đặng", "Văn"), ("Đỗ", "Đình"),
        ("Ngô", "Văn"), ("Hồ", "Sỹ"), ("Phan", "Văn"), ("Dương", "Đình"), ("Quách", "Văn"), ("Trương", "Công"),
        ("Cao", "Văn"), ("Mai", "Xuân"), ("Lương", "Văn"), ("Hà", "Văn"), ("Trịnh", "Đình"), ("Đinh", "Công"),
    ];

    public static readonly string[] Hamlets =
    [
        "Xóm Trên", "Xóm Dưới", "Xóm Giữa", "Xóm Chùa", "Xóm Đồng", "Xóm Bãi", "Xóm Núi", "Xóm Mới", "Xóm Chợ",
        "Xóm Đình", "Xóm Sông", "Xóm Cầu", "Xóm Ao", "Xóm Gò",
    ];

    // Mobile prefixes of Viettel, VinaPhone and MobiFone.
    public static readonly string[] PhonePrefixes =
    [
        "086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039", "088", "091", "094",
        "081", "082", "083", "084", "085", "089", "090", "093", "070", "076", "077", "078", "079",
    ];
}
