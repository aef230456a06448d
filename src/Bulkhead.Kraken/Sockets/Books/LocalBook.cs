using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Books;

namespace Bulkhead.Kraken.Sockets.Books;

/// <summary>
/// A client-side L2 book of one symbol at one depth, kept from <c>book</c> messages and verified after every one:
/// levels are applied in the message's order (<c>qty</c> 0 removes a level), each side is truncated to the depth, and
/// the checksum of the top 10 levels (<see cref="BookChecksum"/>) must equal the message's. Prices and quantities are
/// decimals parsed from the JSON number text, so the checksum is computed from the wire digits. A mismatch (or an
/// unreadable message) empties the book: it waits for a new snapshot, which the socket client gets by resubscribing.
/// Applying a message allocates nothing; reads take a lock and copy.
/// </summary>
public sealed class LocalBook : IBookSet
{
    private readonly Lock _lock = new();
    private readonly BookSide _bids;
    private readonly BookSide _asks;
    private readonly byte[] _symbol;
    private bool _synchronised;
    private long _version;
    private BookApplyResult _last;

    /// <summary>Creates an empty book waiting for its snapshot.</summary>
    /// <param name="symbol">The symbol as the channel names it (<c>BTC/USD</c>, <c>PF_XBTUSD</c>).</param>
    /// <param name="depth">The subscribed depth (10, 25, 100, 500 or 1000 on Kraken).</param>
    public LocalBook(string symbol, int depth)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, 1000);
        Symbol = symbol;
        Depth = depth;
        _symbol = Encoding.UTF8.GetBytes(symbol);

        // Room for a message's worth of levels beyond the window before it is truncated.
        var capacity = (depth * 2) + 32;
        _bids = new BookSide(capacity, descending: true);
        _asks = new BookSide(capacity, descending: false);
    }

    /// <summary>The symbol.</summary>
    public string Symbol { get; }

    /// <summary>The depth kept on each side.</summary>
    public int Depth { get; }

    /// <summary>True once a snapshot was applied and every message since matched its checksum.</summary>
    public bool IsSynchronised
    {
        get
        {
            lock (_lock)
            {
                return _synchronised;
            }
        }
    }

    /// <summary>How many messages were applied with a matching checksum (grows by one per verified snapshot or update).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The best bid, or null when the side is empty.</summary>
    public BookLevel? BestBid
    {
        get
        {
            lock (_lock)
            {
                return _bids.Count > 0 ? _bids.Levels[0] : null;
            }
        }
    }

    /// <summary>The best ask, or null when the side is empty.</summary>
    public BookLevel? BestAsk
    {
        get
        {
            lock (_lock)
            {
                return _asks.Count > 0 ? _asks.Levels[0] : null;
            }
        }
    }

    /// <summary>The bids, best (highest) first: a copy.</summary>
    public IReadOnlyList<BookLevel> Bids()
    {
        lock (_lock)
        {
            return _bids.Levels.ToArray();
        }
    }

    /// <summary>The asks, best (lowest) first: a copy.</summary>
    public IReadOnlyList<BookLevel> Asks()
    {
        lock (_lock)
        {
            return _asks.Levels.ToArray();
        }
    }

    /// <summary>The checksum of the book as it is now (top 10 asks, then top 10 bids).</summary>
    public uint Checksum()
    {
        lock (_lock)
        {
            return ChecksumLocked();
        }
    }

    /// <summary>
    /// Applies a whole <c>book</c> message (UTF-8 JSON as received) to this book: the items of other symbols are ignored.
    /// Returns what happened to this book (the last item's outcome when a message names it twice).
    /// </summary>
    public BookApplyResult Apply(ReadOnlySpan<byte> frame)
    {
        lock (_lock)
        {
            _last = BookApplyResult.NotThisBook;
            BookFrameReader.Apply(frame, this);
            return _last;
        }
    }

    /// <summary>Forgets every level: the book waits for a snapshot.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            ResetLocked();
        }
    }

    /// <summary>The symbol's UTF-8 bytes (the frame reader compares them without decoding).</summary>
    internal ReadOnlySpan<byte> SymbolUtf8 => _symbol;

    /// <summary>Applies one item; the reader is on the item's start and the item's checksum was read ahead.</summary>
    internal BookApplyResult ApplyItem(ref Utf8JsonReader reader, bool snapshot, uint? checksum)
    {
        lock (_lock)
        {
            if (!snapshot && !_synchronised)
            {
                reader.Skip();
                return BookApplyResult.AwaitingSnapshot;
            }

            if (snapshot)
            {
                _bids.Clear();
                _asks.Clear();
            }

            bool readable;
            try
            {
                readable = checksum is not null && ReadLevels(ref reader);
            }
            catch (JsonException)
            {
                readable = false;
            }

            if (!readable)
            {
                ResetLocked();
                return BookApplyResult.Malformed;
            }

            _bids.Truncate(Depth);
            _asks.Truncate(Depth);
            if (ChecksumLocked() != checksum!.Value)
            {
                ResetLocked();
                return BookApplyResult.ChecksumMismatch;
            }

            _synchronised = true;
            Interlocked.Increment(ref _version);
            return BookApplyResult.Applied;
        }
    }

    LocalBook? IBookSet.Find(ReadOnlySpan<byte> symbol) => symbol.SequenceEqual(_symbol) ? this : null;

    void IBookSet.Applied(LocalBook book, BookApplyResult result) => _last = result;

    private uint ChecksumLocked()
    {
        var crc = uint.MaxValue;
        crc = _asks.Checksum(crc, BookChecksum.Levels);
        crc = _bids.Checksum(crc, BookChecksum.Levels);
        return ~crc;
    }

    private void ResetLocked()
    {
        _bids.Clear();
        _asks.Clear();
        _synchronised = false;
    }

    // Reads the item's members up to its end, applying "bids" and "asks" levels; false when a level is unreadable.
    private bool ReadLevels(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var side = reader.ValueTextEquals("bids"u8) ? _bids : reader.ValueTextEquals("asks"u8) ? _asks : null;
            reader.Read();
            if (side is null)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                decimal? price = null;
                decimal? quantity = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isPrice = reader.ValueTextEquals("price"u8);
                    var isQuantity = !isPrice && reader.ValueTextEquals("qty"u8);
                    reader.Read();
                    if ((isPrice || isQuantity) && BookFrameReader.TryReadDecimal(ref reader, out var value))
                    {
                        if (isPrice)
                        {
                            price = value;
                        }
                        else
                        {
                            quantity = value;
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                if (price is null || quantity is null || quantity < 0m)
                {
                    return false;
                }

                side.Set(price.Value, quantity.Value);
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }
        }

        return true;
    }
}
