using System.Collections.Frozen;
using System.Globalization;

namespace Bulkhead.Kraken.Errors;

/// <summary>
/// The one catalogue of Kraken's error strings, used by the clients to classify answers and by the sandbox to emit them.
/// Strings are Kraken's, verbatim (shared/kraken/spot.md §4, futures.md §2.3 and the order-action statuses of §2.4).
/// </summary>
public static class KrakenErrors
{
    // Spot: authentication
    /// <summary><c>EAPI:Invalid key</c>.</summary>
    public const string InvalidKey = "EAPI:Invalid key";
    /// <summary><c>EAPI:Invalid signature</c>.</summary>
    public const string InvalidSignature = "EAPI:Invalid signature";
    /// <summary><c>EAPI:Invalid nonce</c>.</summary>
    public const string InvalidNonce = "EAPI:Invalid nonce";
    /// <summary><c>ESession:Invalid session</c>.</summary>
    public const string InvalidSession = "ESession:Invalid session";
    /// <summary><c>EAPI:Invalid token</c>: a WebSocket token that is unknown, lapsed, or whose key is gone.</summary>
    public const string InvalidToken = "EAPI:Invalid token";

    // Spot: limits and lockout
    /// <summary><c>EAPI:Rate limit exceeded</c>.</summary>
    public const string RateLimitExceeded = "EAPI:Rate limit exceeded";
    /// <summary><c>EOrder:Rate limit exceeded</c>.</summary>
    public const string OrderRateLimitExceeded = "EOrder:Rate limit exceeded";
    /// <summary><c>EGeneral:Temporary lockout</c>.</summary>
    public const string TemporaryLockout = "EGeneral:Temporary lockout";
    /// <summary><c>EGeneral:Too many requests</c>.</summary>
    public const string TooManyRequests = "EGeneral:Too many requests";

    // Kraken writes a space after each colon here, unlike its other strings; the time follows (see Throttled).
    private const string ThrottledPrefix = "EService: Throttled:";

    // Spot: permission
    /// <summary><c>EGeneral:Permission denied</c>.</summary>
    public const string PermissionDenied = "EGeneral:Permission denied";
    /// <summary><c>EAPI:Feature disabled</c>.</summary>
    public const string FeatureDisabled = "EAPI:Feature disabled";

    // Spot: input
    /// <summary><c>EGeneral:Invalid arguments</c>.</summary>
    public const string InvalidArguments = "EGeneral:Invalid arguments";
    /// <summary><c>EGeneral:Unknown method</c>.</summary>
    public const string UnknownMethod = "EGeneral:Unknown method";
    /// <summary><c>EQuery:Unknown asset pair</c>.</summary>
    public const string UnknownAssetPair = "EQuery:Unknown asset pair";
    /// <summary><c>EQuery:Unknown asset</c>.</summary>
    public const string UnknownAsset = "EQuery:Unknown asset";
    /// <summary><c>EOrder:Invalid order</c>.</summary>
    public const string InvalidOrder = "EOrder:Invalid order";
    /// <summary><c>EOrder:Unknown order</c>.</summary>
    public const string UnknownOrder = "EOrder:Unknown order";
    /// <summary><c>EOrder:Order minimum not met</c>.</summary>
    public const string OrderMinimumNotMet = "EOrder:Order minimum not met";
    /// <summary><c>EOrder:Orders limit exceeded</c>.</summary>
    public const string OrdersLimitExceeded = "EOrder:Orders limit exceeded";
    /// <summary><c>EFunding:Unknown asset</c>.</summary>
    public const string FundingUnknownAsset = "EFunding:Unknown asset";
    /// <summary><c>EFunding:Invalid amount</c>.</summary>
    public const string FundingInvalidAmount = "EFunding:Invalid amount";
    /// <summary><c>EFunding:Unknown withdraw key</c>.</summary>
    public const string FundingUnknownWithdrawKey = "EFunding:Unknown withdraw key";

    // Spot: funds
    /// <summary><c>EOrder:Insufficient funds</c>.</summary>
    public const string InsufficientFunds = "EOrder:Insufficient funds";
    /// <summary><c>EOrder:Cannot open position</c>.</summary>
    public const string CannotOpenPosition = "EOrder:Cannot open position";
    /// <summary><c>EOrder:Positions limit exceeded</c>.</summary>
    public const string PositionsLimitExceeded = "EOrder:Positions limit exceeded";
    /// <summary><c>EOrder:Invalid price</c>.</summary>
    public const string InvalidPrice = "EOrder:Invalid price";
    /// <summary><c>EAccount:Invalid permissions</c> (the account may not trade the market).</summary>
    public const string InvalidPermissions = "EAccount:Invalid permissions";
    /// <summary><c>EFunding:Insufficient funds</c>.</summary>
    public const string FundingInsufficientFunds = "EFunding:Insufficient funds";

    // Spot: service
    /// <summary><c>EGeneral:Internal error</c>.</summary>
    public const string InternalError = "EGeneral:Internal error";
    /// <summary><c>EService:Unavailable</c>.</summary>
    public const string ServiceUnavailable = "EService:Unavailable";
    /// <summary><c>EService:Busy</c>.</summary>
    public const string ServiceBusy = "EService:Busy";
    /// <summary><c>EService:Deadline elapsed</c>: the request's <c>deadline</c> passed before the engine took it.</summary>
    public const string DeadlineElapsed = "EService:Deadline elapsed";
    /// <summary><c>EService:Market in cancel_only mode</c>.</summary>
    public const string MarketCancelOnly = "EService:Market in cancel_only mode";
    /// <summary><c>EService:Market in post_only mode</c>.</summary>
    public const string MarketPostOnly = "EService:Market in post_only mode";
    /// <summary><c>EDatabase:Internal error</c>.</summary>
    public const string DatabaseInternalError = "EDatabase:Internal error";

    // Futures (derivatives) top-level errors
    /// <summary><c>authenticationError</c>.</summary>
    public const string FuturesAuthenticationError = "authenticationError";
    /// <summary><c>nonceBelowThreshold</c>.</summary>
    public const string FuturesNonceBelowThreshold = "nonceBelowThreshold";
    /// <summary><c>nonceDuplicate</c>.</summary>
    public const string FuturesNonceDuplicate = "nonceDuplicate";
    /// <summary><c>apiLimitExceeded</c>.</summary>
    public const string FuturesApiLimitExceeded = "apiLimitExceeded";
    /// <summary><c>insufficientFunds</c>.</summary>
    public const string FuturesInsufficientFunds = "insufficientFunds";
    /// <summary><c>INSUFFICIENT_MARGIN</c>.</summary>
    public const string FuturesInsufficientMargin = "INSUFFICIENT_MARGIN";
    /// <summary><c>invalidAccount</c>.</summary>
    public const string FuturesInvalidAccount = "invalidAccount";
    /// <summary><c>invalidAmount</c>.</summary>
    public const string FuturesInvalidAmount = "invalidAmount";
    /// <summary><c>invalidArgument</c>.</summary>
    public const string FuturesInvalidArgument = "invalidArgument";
    /// <summary><c>invalidUnit</c>.</summary>
    public const string FuturesInvalidUnit = "invalidUnit";
    /// <summary><c>requiredArgumentMissing</c>.</summary>
    public const string FuturesRequiredArgumentMissing = "requiredArgumentMissing";
    /// <summary><c>notFound</c>.</summary>
    public const string FuturesNotFound = "notFound";
    /// <summary><c>contractNotFound</c>.</summary>
    public const string FuturesContractNotFound = "contractNotFound";
    /// <summary><c>Json Parse Error</c>.</summary>
    public const string FuturesJsonParseError = "Json Parse Error";
    /// <summary><c>Bad Request</c>.</summary>
    public const string FuturesBadRequest = "Bad Request";
    /// <summary><c>accountInactive</c>.</summary>
    public const string FuturesAccountInactive = "accountInactive";
    /// <summary><c>marketUnavailable</c>.</summary>
    public const string FuturesMarketUnavailable = "marketUnavailable";
    /// <summary><c>Unavailable</c>.</summary>
    public const string FuturesUnavailable = "Unavailable";
    /// <summary><c>unavailable</c>.</summary>
    public const string FuturesUnavailableLower = "unavailable";
    /// <summary><c>Server Error</c>.</summary>
    public const string FuturesServerError = "Server Error";
    /// <summary><c>unknownError</c>.</summary>
    public const string FuturesUnknownError = "unknownError";

    // Futures order-action statuses (sendStatus / editStatus / cancelStatus .status) that are not successes.
    // notFound is shared with the top-level enum (FuturesNotFound).
    /// <summary><c>insufficientAvailableFunds</c>: not enough available margin for the order.</summary>
    public const string FuturesOrderInsufficientAvailableFunds = "insufficientAvailableFunds";
    /// <summary><c>wouldCauseLiquidation</c>: the order would cause a liquidation.</summary>
    public const string FuturesOrderWouldCauseLiquidation = "wouldCauseLiquidation";
    /// <summary><c>invalidPrice</c>: the price is invalid (tick size, range).</summary>
    public const string FuturesOrderInvalidPrice = "invalidPrice";
    /// <summary><c>invalidSize</c>: the size is invalid (precision, minimum).</summary>
    public const string FuturesOrderInvalidSize = "invalidSize";
    /// <summary><c>invalidOrderType</c>: the order type is invalid.</summary>
    public const string FuturesOrderInvalidOrderType = "invalidOrderType";
    /// <summary><c>invalidSide</c>: the side is invalid.</summary>
    public const string FuturesOrderInvalidSide = "invalidSide";
    /// <summary><c>postWouldExecute</c>: a post-only order would have taken liquidity.</summary>
    public const string FuturesOrderPostWouldExecute = "postWouldExecute";
    /// <summary><c>iocWouldNotExecute</c>: an immediate-or-cancel order found nothing to match.</summary>
    public const string FuturesOrderIocWouldNotExecute = "iocWouldNotExecute";
    /// <summary><c>wouldNotReducePosition</c>: a reduce-only order would not reduce the position.</summary>
    public const string FuturesOrderWouldNotReducePosition = "wouldNotReducePosition";
    /// <summary><c>selfFill</c>: the order would have matched the account's own order.</summary>
    public const string FuturesOrderSelfFill = "selfFill";
    /// <summary><c>tooManySmallOrders</c>: too many small orders.</summary>
    public const string FuturesOrderTooManySmallOrders = "tooManySmallOrders";
    /// <summary><c>tooManyOrders</c>: too many open orders.</summary>
    public const string FuturesOrderTooManyOrders = "tooManyOrders";
    /// <summary><c>clientOrderIdAlreadyExist</c>: the client order id was used before.</summary>
    public const string FuturesOrderClientOrderIdAlreadyExist = "clientOrderIdAlreadyExist";
    /// <summary><c>clientOrderIdTooBig</c>: the client order id is too long.</summary>
    public const string FuturesOrderClientOrderIdTooBig = "clientOrderIdTooBig";
    /// <summary><c>clientOrderIdTooLong</c>: the client order id is too long.</summary>
    public const string FuturesOrderClientOrderIdTooLong = "clientOrderIdTooLong";
    /// <summary><c>clientOrderIdInvalid</c>: the client order id is invalid.</summary>
    public const string FuturesOrderClientOrderIdInvalid = "clientOrderIdInvalid";
    /// <summary><c>maxPositionViolation</c>: the order would exceed the maximum position size.</summary>
    public const string FuturesOrderMaxPositionViolation = "maxPositionViolation";
    /// <summary><c>outsidePriceCollar</c>: the price is outside the price collar.</summary>
    public const string FuturesOrderOutsidePriceCollar = "outsidePriceCollar";
    /// <summary><c>wouldIncreasePriceDislocation</c>: the order would increase price dislocation.</summary>
    public const string FuturesOrderWouldIncreasePriceDislocation = "wouldIncreasePriceDislocation";
    /// <summary><c>orderForEditNotAStop</c>: the edited order is not a stop order.</summary>
    public const string FuturesOrderForEditNotAStop = "orderForEditNotAStop";
    /// <summary><c>orderForEditNotFound</c>: the order to edit was not found.</summary>
    public const string FuturesOrderForEditNotFound = "orderForEditNotFound";
    /// <summary><c>marketIsPostOnly</c>: the market accepts post-only orders only.</summary>
    public const string FuturesOrderMarketIsPostOnly = "marketIsPostOnly";
    /// <summary><c>fixedLeverageTooHigh</c>: the isolated leverage is too high.</summary>
    public const string FuturesOrderFixedLeverageTooHigh = "fixedLeverageTooHigh";
    /// <summary><c>cannotEditTriggerPriceOfTrailingStop</c>: a trailing stop's trigger price cannot be edited.</summary>
    public const string FuturesOrderCannotEditTriggerPriceOfTrailingStop = "cannotEditTriggerPriceOfTrailingStop";
    /// <summary><c>cannotEditLimitPriceOfTrailingStop</c>: a trailing stop's limit price cannot be edited.</summary>
    public const string FuturesOrderCannotEditLimitPriceOfTrailingStop = "cannotEditLimitPriceOfTrailingStop";
    /// <summary><c>wouldProcessAfterSpecifiedTime</c>: the order would be processed after its processBefore time.</summary>
    public const string FuturesOrderWouldProcessAfterSpecifiedTime = "wouldProcessAfterSpecifiedTime";
    /// <summary><c>filled</c>: a cancel found the order already filled (as a cancelStatus only; for placement 'filled' is a success).</summary>
    public const string FuturesOrderAlreadyFilled = "filled";
    /// <summary><c>marketSuspended</c>: the market is suspended.</summary>
    public const string FuturesOrderMarketSuspended = "marketSuspended";
    /// <summary><c>marketInactive</c>: the market is inactive.</summary>
    public const string FuturesOrderMarketInactive = "marketInactive";

    // Local and transport codes (never sent by Kraken)
    /// <summary><c>Bulkhead:Key halted</c>.</summary>
    public const string LocalKeyHalted = "Bulkhead:Key halted";
    /// <summary><c>Bulkhead:Rate budget exhausted</c>.</summary>
    public const string LocalRateBudget = "Bulkhead:Rate budget exhausted";
    /// <summary><c>Bulkhead:Invalid credentials</c>.</summary>
    public const string LocalInvalidCredentials = "Bulkhead:Invalid credentials";
    /// <summary><c>Bulkhead:Nonce unavailable</c>.</summary>
    public const string LocalNonceUnavailable = "Bulkhead:Nonce unavailable";
    /// <summary><c>Bulkhead:Not connected</c>: a WebSocket request was not sent because no connection was up in time.</summary>
    public const string LocalNotConnected = "Bulkhead:Not connected";
    /// <summary><c>Bulkhead:Not placed</c>: an order of an ambiguous batch that a look-up by client order id did not find (not sent again).</summary>
    public const string LocalNotPlaced = "Bulkhead:Not placed";
    /// <summary><c>Bulkhead:Unknown symbol</c>: the venue's instrument list does not name the symbol.</summary>
    public const string LocalUnknownSymbol = "Bulkhead:Unknown symbol";
    /// <summary><c>Bulkhead:No quote</c>: the venue's ticker has no bid or no ask for the symbol (an empty book side).</summary>
    public const string LocalNoQuote = "Bulkhead:No quote";
    /// <summary><c>Bulkhead:Not on this transport</c>: the venue's transport cannot give what was asked (read it with another key or transport).</summary>
    public const string LocalNotOnTransport = "Bulkhead:Not on this transport";
    /// <summary><c>Bulkhead:Timeout</c>.</summary>
    public const string TransportTimeout = "Bulkhead:Timeout";
    /// <summary><c>Bulkhead:HTTP status</c>.</summary>
    public const string TransportHttpStatus = "Bulkhead:HTTP status";
    /// <summary><c>Bulkhead:Connection failed</c>.</summary>
    public const string TransportConnection = "Bulkhead:Connection failed";
    /// <summary><c>Bulkhead:Unreadable response</c>.</summary>
    public const string TransportBadResponse = "Bulkhead:Unreadable response";

    /// <summary>The codes by which the exchange refuses a request for its nonce: Spot <c>EAPI:Invalid nonce</c>, Futures <c>nonceBelowThreshold</c> and <c>nonceDuplicate</c>.</summary>
    public static IReadOnlySet<string> NonceErrors { get; } = new HashSet<string>(StringComparer.Ordinal) { InvalidNonce, FuturesNonceBelowThreshold, FuturesNonceDuplicate }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, KrakenErrorCategory> Exact = new Dictionary<string, KrakenErrorCategory>(StringComparer.Ordinal)
    {
        [InvalidKey] = KrakenErrorCategory.Authentication,
        [InvalidSignature] = KrakenErrorCategory.Authentication,
        [InvalidNonce] = KrakenErrorCategory.Authentication,
        [InvalidSession] = KrakenErrorCategory.Authentication,
        [InvalidToken] = KrakenErrorCategory.Authentication,
        [RateLimitExceeded] = KrakenErrorCategory.RateLimit,
        [OrderRateLimitExceeded] = KrakenErrorCategory.RateLimit,
        [TooManyRequests] = KrakenErrorCategory.RateLimit,
        [TemporaryLockout] = KrakenErrorCategory.Lockout,
        [PermissionDenied] = KrakenErrorCategory.Permission,
        [FeatureDisabled] = KrakenErrorCategory.Permission,
        [InvalidArguments] = KrakenErrorCategory.InvalidInput,
        [UnknownMethod] = KrakenErrorCategory.InvalidInput,
        [UnknownAssetPair] = KrakenErrorCategory.InvalidInput,
        [UnknownAsset] = KrakenErrorCategory.InvalidInput,
        [InvalidOrder] = KrakenErrorCategory.InvalidInput,
        [UnknownOrder] = KrakenErrorCategory.InvalidInput,
        [OrderMinimumNotMet] = KrakenErrorCategory.InvalidInput,
        [OrdersLimitExceeded] = KrakenErrorCategory.InvalidInput,
        [FundingUnknownAsset] = KrakenErrorCategory.InvalidInput,
        [FundingInvalidAmount] = KrakenErrorCategory.InvalidInput,
        [FundingUnknownWithdrawKey] = KrakenErrorCategory.InvalidInput,
        [InsufficientFunds] = KrakenErrorCategory.Funds,
        [CannotOpenPosition] = KrakenErrorCategory.Funds,
        [PositionsLimitExceeded] = KrakenErrorCategory.InvalidInput,
        [InvalidPrice] = KrakenErrorCategory.InvalidInput,
        [InvalidPermissions] = KrakenErrorCategory.Permission,
        [FundingInsufficientFunds] = KrakenErrorCategory.Funds,
        [InternalError] = KrakenErrorCategory.Transient,
        [ServiceUnavailable] = KrakenErrorCategory.Transient,
        [ServiceBusy] = KrakenErrorCategory.Transient,
        [DeadlineElapsed] = KrakenErrorCategory.Transient,
        [MarketCancelOnly] = KrakenErrorCategory.Transient,
        [MarketPostOnly] = KrakenErrorCategory.Transient,
        [DatabaseInternalError] = KrakenErrorCategory.Transient,
        [FuturesAuthenticationError] = KrakenErrorCategory.Authentication,
        [FuturesNonceBelowThreshold] = KrakenErrorCategory.Authentication,
        [FuturesNonceDuplicate] = KrakenErrorCategory.Authentication,
        [FuturesApiLimitExceeded] = KrakenErrorCategory.RateLimit,
        [FuturesInsufficientFunds] = KrakenErrorCategory.Funds,
        [FuturesInsufficientMargin] = KrakenErrorCategory.Funds,
        [FuturesInvalidAccount] = KrakenErrorCategory.InvalidInput,
        [FuturesInvalidAmount] = KrakenErrorCategory.InvalidInput,
        [FuturesInvalidArgument] = KrakenErrorCategory.InvalidInput,
        [FuturesInvalidUnit] = KrakenErrorCategory.InvalidInput,
        [FuturesRequiredArgumentMissing] = KrakenErrorCategory.InvalidInput,
        [FuturesNotFound] = KrakenErrorCategory.InvalidInput,
        [FuturesContractNotFound] = KrakenErrorCategory.InvalidInput,
        [FuturesJsonParseError] = KrakenErrorCategory.InvalidInput,
        [FuturesBadRequest] = KrakenErrorCategory.InvalidInput,
        [FuturesAccountInactive] = KrakenErrorCategory.InvalidInput,
        [FuturesMarketUnavailable] = KrakenErrorCategory.Transient,
        [FuturesUnavailable] = KrakenErrorCategory.Transient,
        [FuturesUnavailableLower] = KrakenErrorCategory.Transient,
        [FuturesServerError] = KrakenErrorCategory.Transient,
        [FuturesUnknownError] = KrakenErrorCategory.Unknown,
        [FuturesOrderInsufficientAvailableFunds] = KrakenErrorCategory.Funds,
        [FuturesOrderWouldCauseLiquidation] = KrakenErrorCategory.Funds,
        [FuturesOrderInvalidPrice] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderInvalidSize] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderInvalidOrderType] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderInvalidSide] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderPostWouldExecute] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderIocWouldNotExecute] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderWouldNotReducePosition] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderSelfFill] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderTooManySmallOrders] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderTooManyOrders] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderClientOrderIdAlreadyExist] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderClientOrderIdTooBig] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderClientOrderIdTooLong] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderClientOrderIdInvalid] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderMaxPositionViolation] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderOutsidePriceCollar] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderWouldIncreasePriceDislocation] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderForEditNotAStop] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderForEditNotFound] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderMarketIsPostOnly] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderFixedLeverageTooHigh] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderCannotEditTriggerPriceOfTrailingStop] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderCannotEditLimitPriceOfTrailingStop] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderWouldProcessAfterSpecifiedTime] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderAlreadyFilled] = KrakenErrorCategory.InvalidInput,
        [FuturesOrderMarketSuspended] = KrakenErrorCategory.Transient,
        [FuturesOrderMarketInactive] = KrakenErrorCategory.Transient,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Kraken appends details after a colon ("EGeneral:Invalid arguments:volume", "invalidArgument: limitPrice").
    private static readonly (string Prefix, KrakenErrorCategory Category)[] Prefixes =
    [
        (ThrottledPrefix, KrakenErrorCategory.RateLimit),
        (InvalidArguments + ":", KrakenErrorCategory.InvalidInput),
        (FuturesInvalidArgument + ":", KrakenErrorCategory.InvalidInput),
        (FuturesRequiredArgumentMissing + ":", KrakenErrorCategory.InvalidInput),
        ("EOrder:Invalid", KrakenErrorCategory.InvalidInput),
        ("EQuery:", KrakenErrorCategory.InvalidInput),
        ("EService:", KrakenErrorCategory.Transient),
        ("EDatabase:", KrakenErrorCategory.Transient),
    ];

    /// <summary>
    /// <c>EService: Throttled: &lt;unix seconds&gt;</c>, Kraken's answer to too many concurrent requests of one key;
    /// <paramref name="retryAt"/> is when to retry, in whole Unix seconds rounded up.
    /// </summary>
    public static string Throttled(DateTimeOffset retryAt)
    {
        var seconds = retryAt.ToUnixTimeSeconds() + (retryAt.UtcTicks % TimeSpan.TicksPerSecond > 0 ? 1 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"{ThrottledPrefix} {seconds}");
    }

    /// <summary>Classifies a wire error string. Unknown strings are kept verbatim with <see cref="KrakenErrorCategory.Unknown"/>.</summary>
    public static KrakenErrorCategory Classify(string wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        if (Exact.TryGetValue(wire, out var category))
        {
            return category;
        }

        foreach (var (prefix, prefixCategory) in Prefixes)
        {
            if (wire.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefixCategory;
            }
        }

        return wire.Contains(":Invalid nonce", StringComparison.Ordinal) ? KrakenErrorCategory.Authentication : KrakenErrorCategory.Unknown;
    }

    /// <summary>True when the catalogue knows this exact string.</summary>
    public static bool IsKnown(string wire) => Exact.ContainsKey(wire);

    /// <summary>The error for a string the exchange sent. The message adds advice for the categories that need it.</summary>
    public static KrakenError FromExchange(string wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        var category = Classify(wire);
        var message = category switch
        {
            KrakenErrorCategory.Authentication => $"{wire} (authentication failure: counts toward Kraken's key lockout; not retried)",
            KrakenErrorCategory.Lockout => $"{wire} (the exchange locked this key out for about 15 minutes; stop calling with it)",
            _ => wire,
        };
        return new KrakenError(wire, category, KrakenErrorOrigin.Exchange, message);
    }

    /// <summary>
    /// An order action the exchange assessed and refused: the Futures <c>sendStatus</c>/<c>editStatus</c>/<c>cancelStatus</c>
    /// status (e.g. <c>postWouldExecute</c>), kept verbatim as the code. <paramref name="detail"/> (an event's reason) joins the message.
    /// </summary>
    public static KrakenError OrderRejected(string status, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        var message = detail is { Length: > 0 } ? $"order action refused: {status} ({detail})" : $"order action refused: {status}";
        return new KrakenError(status, Classify(status), KrakenErrorOrigin.Exchange, message);
    }

    /// <summary>A request refused locally because the key is halted.</summary>
    public static KrakenError KeyHalted(string reason, TimeSpan? retryAfter) =>
        new(LocalKeyHalted, KrakenErrorCategory.Lockout, KrakenErrorOrigin.Local, reason, retryAfter);

    /// <summary>A request refused locally because the account's rate budget has no headroom within the wait allowed.</summary>
    public static KrakenError RateBudget(string limiter, TimeSpan retryAfter) =>
        new(LocalRateBudget, KrakenErrorCategory.RateLimit, KrakenErrorOrigin.Local,
            string.Create(CultureInfo.InvariantCulture, $"{limiter} has no headroom; retry after {retryAfter.TotalSeconds:0.###} s"), retryAfter);

    /// <summary>Credentials that cannot be used (malformed secret, empty key). The message never contains the secret.</summary>
    public static KrakenError InvalidCredentials(string problem) =>
        new(LocalInvalidCredentials, KrakenErrorCategory.Authentication, KrakenErrorOrigin.Local, problem);

    /// <summary>The venue lists no instrument <paramref name="symbol"/> (InvalidInput: asking again does not help).</summary>
    public static KrakenError UnknownSymbol(string symbol) =>
        new(LocalUnknownSymbol, KrakenErrorCategory.InvalidInput, KrakenErrorOrigin.Local, $"the venue lists no instrument {symbol}");

    /// <summary>The venue's ticker has no two-sided quote for <paramref name="symbol"/> (Transient: a book side may fill again).</summary>
    public static KrakenError NoQuote(string symbol) =>
        new(LocalNoQuote, KrakenErrorCategory.Transient, KrakenErrorOrigin.Local, $"no bid and ask for {symbol}");

    /// <summary><paramref name="what"/> is not available over <paramref name="transport"/> (InvalidInput: asking again does not help).</summary>
    public static KrakenError NotOnTransport(string what, string transport) =>
        new(LocalNotOnTransport, KrakenErrorCategory.InvalidInput, KrakenErrorOrigin.Local, $"{what} is not available over {transport}");

    /// <summary>The request timed out.</summary>
    public static KrakenError Timeout(TimeSpan after) =>
        new(TransportTimeout, KrakenErrorCategory.Transient, KrakenErrorOrigin.Transport,
            string.Create(CultureInfo.InvariantCulture, $"no answer within {after.TotalSeconds:0.###} s"));

    /// <summary>A WebSocket request that was never sent: no connection was up within the wait allowed. Safe to send again.</summary>
    public static KrakenError NotConnected(string detail) =>
        new(LocalNotConnected, KrakenErrorCategory.Transient, KrakenErrorOrigin.Local, detail);

    /// <summary>The connection could not be made or broke.</summary>
    public static KrakenError Connection(string detail) =>
        new(TransportConnection, KrakenErrorCategory.Transient, KrakenErrorOrigin.Transport, detail);

    /// <summary>A non-success HTTP status with no Kraken envelope (a gateway, a proxy).</summary>
    public static KrakenError HttpStatus(int status, string detail)
    {
        var category = status switch
        {
            429 => KrakenErrorCategory.RateLimit,
            401 => KrakenErrorCategory.Authentication,
            403 => KrakenErrorCategory.Permission,
            >= 500 => KrakenErrorCategory.Transient,
            _ => KrakenErrorCategory.Protocol,
        };
        return new KrakenError(TransportHttpStatus, category, KrakenErrorOrigin.Transport,
            string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {detail}"));
    }

    /// <summary>An answer that is not a Kraken envelope (not JSON, truncated, HTML).</summary>
    public static KrakenError BadResponse(string detail) =>
        new(TransportBadResponse, KrakenErrorCategory.Protocol, KrakenErrorOrigin.Transport, detail);
}
