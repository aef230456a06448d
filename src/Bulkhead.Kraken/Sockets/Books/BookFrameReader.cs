using System.Buffers.Text;
using System.Text.Json;

namespace Bulkhead.Kraken.Sockets.Books;

/// <summary>
/// Reads a <c>book</c> message straight from its UTF-8 bytes (<see cref="Utf8JsonReader"/>, no strings, no DOM) and
/// applies each item to the book its <c>symbol</c> names. Member order is free: an item is read twice (once for its
/// symbol and checksum, then for its levels), and <c>data</c> before <c>type</c> is read after the rest.
/// </summary>
internal static class BookFrameReader
{
    /// <summary>The longest symbol read (longer ones name no book).</summary>
    private const int MaxSymbolBytes = 64;

    /// <summary>Applies every item of a <c>book</c> message; false when the frame is not a readable <c>book</c> message.</summary>
    public static bool Apply(ReadOnlySpan<byte> frame, IBookSet books)
    {
        try
        {
            var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var isBook = false;
            bool? snapshot = null;
            var data = default(Utf8JsonReader);
            var dataLater = false;
            var dataDone = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("channel"u8))
                {
                    reader.Read();
                    isBook = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("book"u8);
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    snapshot = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("snapshot"u8);
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    if (isBook && snapshot is { } known)
                    {
                        dataDone = Items(ref reader, known, books);
                    }
                    else
                    {
                        data = reader;
                        dataLater = true;
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!isBook || snapshot is null)
            {
                return false;
            }

            return dataDone || (dataLater && Items(ref data, snapshot.Value, books));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // The reader is on the data array's start; returns false when it is not an array of objects.
    private static bool Items(ref Utf8JsonReader reader, bool snapshot, IBookSet books)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        Span<byte> symbol = stackalloc byte[MaxSymbolBytes];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var item = reader;
            LocalBook? book = null;
            uint? checksum = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("symbol"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        book = reader.ValueIsEscaped || reader.HasValueSequence
                            ? (reader.ValueSpan.Length <= MaxSymbolBytes ? books.Find(symbol[..reader.CopyString(symbol)]) : null)
                            : books.Find(reader.ValueSpan);
                    }
                }
                else if (reader.ValueTextEquals("checksum"u8))
                {
                    reader.Read();
                    checksum = reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var value) ? value : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (book is not null)
            {
                books.Applied(book, book.ApplyItem(ref item, snapshot, checksum));
            }
        }

        return true;
    }

    /// <summary>A price or quantity from a JSON number (or a numeric string), keeping the text's scale; false when it is neither.</summary>
    internal static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0m;
        if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String) || reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }
}
