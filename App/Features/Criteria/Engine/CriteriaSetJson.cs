using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

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
        var where = e.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {e.BytePositionInLine + 1})" : "";
        var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" tại {e.Path}";
        // Our own converters already explain in Vietnamese; the serializer's own messages are English.
        var detail = e.Message.Contains("không", StringComparison.Ordinal) ? $": {e.Message}" : "";
        return $"Tệp bộ tiêu chí không đúng định dạng{path}{where}{detail}";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}

public sealed class CriteriaSetJsonException(string message, Exception? inner = null) : Exception(message, inner);
