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
            LocalBook? book;
            if (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("symbol"u8))
            {
                // Kraken names the symbol first: one pass, the book reads the rest of the item.
                reader.Read();
                book = Find(ref reader, books, symbol);
                if (book is null)
                {
                    SkipMembers(ref reader);
                }
                else
                {
                    books.Applied(book, book.ApplyItem(ref reader, snapshot));
                }

                continue;
            }

            // Any other member order: find the symbol, then the book reads the item again from its start.
            var scan = item;
            book = null;
            while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
            {
                var isSymbol = scan.ValueTextEquals("symbol"u8);
                scan.Read();
                if (isSymbol)
                {
                    book = Find(ref scan, books, symbol);
                }
                else
                {
                    scan.Skip();
                }
            }

            reader = item;
            reader.Skip();
            if (book is not null)
            {
                books.Applied(book, book.ApplyItem(ref item, snapshot));
            }
        }

        return true;
    }

    /// <summary>Reads the members left in an object up to its end.</summary>
    internal static void SkipMembers(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            reader.Skip();
        }
    }

    /// <summary>True when the reader is on a JSON number (or a plain numeric string) whose raw text is its <see cref="Utf8JsonReader.ValueSpan"/>.</summary>
    internal static bool OnNumber(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.Number or JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped;

    /// <summary>A price or quantity from its text, keeping the text's scale.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> text, out decimal value) =>
        Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;

    private static LocalBook? Find(ref Utf8JsonReader reader, IBookSet books, scoped Span<byte> symbol)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return books.Find(reader.ValueSpan);
        }

        return reader.ValueSpan.Length <= symbol.Length ? books.Find(symbol[..reader.CopyString(symbol)]) : null;
    }
}
