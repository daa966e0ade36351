using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>
/// Criteria sets as JSON, for storage and for export/import between communes: camelCase, enums as names, indented,
/// Vietnamese letters kept readable. Reading rejects unknown fields rather than silently dropping a mistyped one.
/// </summary>
public static class CriteriaSetJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(CriteriaSetDefinition set) => JsonSerializer.Serialize(set, Options);

    /// <summary>Reads a set; throws <see cref="CriteriaSetJsonException"/> with a Vietnamese message when malformed.</summary>
    public static CriteriaSetDefinition Deserialize(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new CriteriaSetJsonException("Tệp bộ tiêu chí trống");
        }

        try
        {
            return JsonSerializer.Deserialize<CriteriaSetDefinition>(json, Options)
                ?? throw new CriteriaSetJsonException("Tệp bộ tiêu chí không chứa bộ tiêu chí nào");
        }
        catch (JsonException e)
        {
            throw new CriteriaSetJsonException(Describe(e), e);
        }
    }

    public static bool TryDeserialize(string json, out CriteriaSetDefinition? set, out string? error)
    {
        try
        {
            (set, error) = (Deserialize(json), null);
            return true;
        }
        catch (CriteriaSetJsonException e)
        {
            (set, error) = (null, e.Message);
            return false;
        }
    }

    private static string Describe(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" tại {e.Path}";
        var where = e.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {e.BytePositionInLine + 1})" : "";
        return $"Tệp bộ tiêu chí không đúng định dạng{path}{where}{Detail(e)}";
    }

    /// <summary>Our converters explain in Vietnamese; the serializer's own messages are English, so name the kind.</summary>
    private static string Detail(JsonException e) => e switch
    {
        InvalidPointsJsonException => $": {e.Message}",
        _ when e.Message.Contains("missing required properties", StringComparison.Ordinal) => ": thiếu trường bắt buộc",
        _ when e.Message.Contains("could not be mapped", StringComparison.Ordinal) => ": có trường không được hỗ trợ",
        _ when e.Message.Contains("null", StringComparison.OrdinalIgnoreCase) => ": trường này không được để trống",
        _ when e.Message.Contains("could not be converted", StringComparison.Ordinal) => ": giá trị sai kiểu",
        { InnerException: { } inner } when inner.GetType().Name == "JsonReaderException" => ": sai cú pháp JSON",
        _ => "",
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // Files for storage and export, never inlined into HTML: keep letters and quotes as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ValueListContract.UseArrays } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}

public sealed class CriteriaSetJsonException(string message, Exception? inner = null) : Exception(message, inner);
