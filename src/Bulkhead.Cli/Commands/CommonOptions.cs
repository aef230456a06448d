using System.CommandLine;
using System.Globalization;
using Bulkhead.Kraken.Transport;

namespace Bulkhead.Cli.Commands;

/// <summary>Options shared by the <c>api</c> commands.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "Base URL of the venue (default: Kraken production). Any server that speaks Kraken's wire protocol, e.g. http://127.0.0.1:5080." };

    public Option<FileInfo?> KeyFile { get; } = new("--key-file") { Description = "JSON file {\"key\":\"…\",\"secret\":\"…\"}; default: KRAKEN_API_KEY and KRAKEN_API_SECRET." };

    public Option<string?> Data { get; } = new("--data") { Description = "Data folder for nonce high-water marks (default: BULKHEAD_HOME or ~/.bulkhead)." };

    public Option<double> TimeoutSeconds { get; } = new("--timeout") { Description = "Seconds one HTTP attempt may take.", DefaultValueFactory = _ => 10 };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(KeyFile);
        command.Options.Add(Data);
        command.Options.Add(TimeoutSeconds);
    }

    public bool TryGetClientOptions(ParseResult parse, out KrakenClientOptions? options, out string? problem)
    {
        options = null;
        var url = parse.GetValue(Url);
        Uri? baseUrl = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            problem = $"--url '{url}' is not an absolute http:// or https:// URL";
            return false;
        }

        var seconds = parse.GetValue(TimeoutSeconds);
        if (seconds is <= 0 or > 600 || double.IsNaN(seconds))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"--timeout {seconds} must be between 0 and 600 seconds");
            return false;
        }

        options = new KrakenClientOptions { BaseUrl = baseUrl, Timeout = TimeSpan.FromSeconds(seconds) };
        problem = null;
        return true;
    }
}
