#!/usr/bin/env bash
# Packs the Bulkhead strategy SDK (Bulkhead.Runtime with Bulkhead.Fleet and Bulkhead.Kraken, version from
# Directory.Build.props) into artifacts/packages, then builds the desk's own strategies against that package only into
# artifacts/strategies (Desk.Strategies.dll and its own dependencies). Usage: examples/strategies/build.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
# A re-packed SDK of the same version must not be served stale from the NuGet cache: drop this version's copies there.
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
rm -rf "$root/artifacts/packages" "$cache/bulkhead.kraken/$version" "$cache/bulkhead.fleet/$version" "$cache/bulkhead.runtime/$version"
for project in Kraken Fleet Runtime; do
  dotnet pack "$root/src/Bulkhead.$project" -c Release -o "$root/artifacts/packages" -nologo -v quiet >&2
done
dotnet build "$here/Desk.Strategies" -c Release -o "$root/artifacts/strategies" -nologo -v quiet >&2
echo "$root/artifacts/strategies/Desk.Strategies.dll"
