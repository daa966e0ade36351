namespace HocTapSuotDoi.Features.Registers;

// Names people type or paste: no zero-width or control characters (VietnameseText.HasHiddenCharacters).
public static class NameRules
{
    public static IRuleBuilderOptions<T, string> WithoutHiddenCharacters<T>(this IRuleBuilder<T, string> rule, string what) =>
        rule.Must(text => !VietnameseText.HasHiddenCharacters(text))
            .WithMessage($"{what} có ký tự ẩn hoặc ký tự điều khiển (thường do sao chép từ nơi khác): hãy xoá và gõ lại.");
}
