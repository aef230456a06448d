using System.ComponentModel.DataAnnotations;
using Bulkhead.Kraken.Journal;

namespace Bulkhead.Kraken.Transport;

/// <summary>How a Spot or Futures client talks to its venue.</summary>
public sealed class KrakenClientOptions
{
    /// <summary>Kraken's Spot REST base URL.</summary>
    public static readonly Uri SpotProduction = new("https://api.kraken.com");

    /// <summary>Kraken's Futures REST base URL (switched off on 1 March 2027).</summary>
    public static readonly Uri FuturesProduction = new("https://futures.kraken.com");

    /// <summary>The base URL: production, or any server that speaks Kraken's wire protocol (the sandbox). No trailing path.</summary>
    /// <value>Null: the venue's production URL.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long one HTTP attempt may take.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may wait locally for rate-limit headroom before it is refused with a local rate-budget error.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan MaxRateWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a call that is safe to repeat, after a transient failure. Authentication failures are never retried.</summary>
    /// <value>3.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially with jitter.</summary>
    /// <value>500 milliseconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Where each attempt of a signed call is recorded (endpoint, key name, outcome, duration; never credentials).</summary>
    /// <value>Null: nothing is recorded.</value>
    public ICallJournal? CallJournal { get; set; }

    internal KrakenClientOptions ValidatedCopy(Uri production)
    {
        if (BaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"The field BaseUrl must be an absolute http or https URL, not '{url}'.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The field Timeout must be positive.");
        }

        if (MaxRateWait < TimeSpan.Zero)
        {
            throw new ArgumentException("The field MaxRateWait must not be negative.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentException("The field MaxRetries must be between 0 and 10.");
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("The field RetryBaseDelay must not be negative.");
        }

        var baseUrl = BaseUrl ?? production;
        return new KrakenClientOptions
        {
            BaseUrl = new Uri(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"),
            Timeout = Timeout,
            MaxRateWait = MaxRateWait,
            MaxRetries = MaxRetries,
            RetryBaseDelay = RetryBaseDelay,
            CallJournal = CallJournal,
        };
    }
}
