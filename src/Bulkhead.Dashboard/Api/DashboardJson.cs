using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bulkhead.Dashboard.Api;

/// <summary>How the dashboard writes JSON: camelCase, enums kebab-case lower, decimals as strings (exact), times ISO-8601.</summary>
internal static class DashboardJson
{
    /// <summary>Contract D documents.</summary>
    public static readonly JsonSerializerOptions Documents = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new DecimalAsString() },
    };

    /// <summary><c>/api/status</c>, byte for byte as the CLI's status API served it (decimals as numbers).</summary>
    public static readonly JsonSerializerOptions Status = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Writes a decimal as its invariant text (scale kept), so no client rounds money through a double.</summary>
    private sealed class DecimalAsString : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
                : reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
