#!/usr/bin/env bash
# Fetches the Bicep CLI that eng/tools/Tools.csproj pins (a NuGet package) and prints the path of its executable.
set -euo pipefail

tools="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet restore "$tools/Tools.csproj" --verbosity quiet >&2
version="$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\(.*\)\]".*/\1/p' "$tools/Tools.csproj")"
packages="$(dotnet msbuild "$tools/Tools.csproj" -getProperty:NuGetPackageRoot)"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[[ -x "$bicep" ]] || chmod u+x "$bicep"
echo "$bicep"
