using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Nonces.Internal;

[JsonSerializable(typeof(NonceSequenceHolder))]
internal sealed partial class NonceJsonContext : JsonSerializerContext;
