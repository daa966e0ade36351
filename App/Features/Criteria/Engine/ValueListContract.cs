using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>
/// Lets the serializer see <see cref="ValueList{T}"/> properties as plain arrays. A converter that reads the list
/// through a nested call would report errors relative to the list ("$[0].max", line 1) instead of the file
/// ("$.groups[0].max", line 3), which is what an administrator importing a set needs.
/// </summary>
internal static class ValueListContract
{
    private static readonly MethodInfo AsArrayMethod =
        typeof(ValueListContract).GetMethod(nameof(AsArray), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void UseArrays(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = 0; i < typeInfo.Properties.Count; i++)
        {
            var type = typeInfo.Properties[i].PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>))
            {
                typeInfo.Properties[i] = (JsonPropertyInfo)AsArrayMethod.MakeGenericMethod(type.GetGenericArguments()[0])
                    .Invoke(null, [typeInfo, typeInfo.Properties[i]])!;
            }
        }
    }

    private static JsonPropertyInfo AsArray<T>(JsonTypeInfo owner, JsonPropertyInfo original)
    {
        var (get, set) = (original.Get, original.Set);
        var array = owner.CreateJsonPropertyInfo(typeof(T[]), original.Name);
        array.Get = get is null ? null : obj => ((ValueList<T>?)get(obj))?.ToArray();
        array.Set = set is null ? null : (obj, value) => set(obj, value is T[] items ? new ValueList<T>(items) : null);
        array.IsRequired = original.IsRequired;
        array.IsGetNullable = original.IsGetNullable;
        array.IsSetNullable = original.IsSetNullable;
        array.ShouldSerialize = original.ShouldSerialize;
        array.Order = original.Order;
        return array;
    }
}
