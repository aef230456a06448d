using System.Globalization;
using Bulkhead.Kraken.Nonces;

// Usage: Bulkhead.Kraken.NonceProbe <directory> <apiKey> <draws>
// Opens the key's FileNonceStore, draws nonces, prints "ready <pid> <last nonce>", then holds the key until a line
// arrives on stdin (clean exit) or the process is killed (a crash). Prints "held" and exits 2 if the key is taken.
var time = TimeProvider.System;
try
{
    using var source = new NonceSource(FileNonceStore.Open(args[0], args[1], time), new NonceOptions(), time);
    var last = 0L;
    for (var i = 0; i < int.Parse(args[2], CultureInfo.InvariantCulture); i++)
    {
        last = source.Next();
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready {Environment.ProcessId} {last}"));
    Console.ReadLine();
    return 0;
}
catch (NonceSequenceHeldException ex)
{
    Console.WriteLine($"held {ex.Message}");
    return 2;
}
