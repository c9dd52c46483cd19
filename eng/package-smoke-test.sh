#!/usr/bin/env bash
# Packs the library and the CLI tool, installs the library from a local folder into a new console
# app and runs it: proof that the package works for a user. Expects a Release build to exist.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
dotnet pack "$root/src/NewsExtract" -c Release --no-build -o "$out/pkg" >/dev/null
dotnet pack "$root/src/NewsExtract.Cli" -c Release --no-build -o "$out/pkg" >/dev/null
ls "$out/pkg"
nupkg=$(ls "$out"/pkg/NewsExtract.[0-9]*.nupkg | head -1)
version=$(basename "$nupkg" .nupkg); version=${version#NewsExtract.}
ls "$out"/pkg/NewsExtract."$version".snupkg >/dev/null

app="$out/app"
mkdir -p "$app"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$out/pkg" />
  </packageSources>
</configuration>
XML
cat > "$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NewsExtract" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$app/Program.cs" <<'CS'
using NewsExtract;

var analyzer = ArticleAnalyzer.CreateDefault();
var result = analyzer.Analyze("\u201CWe will rebuild the bridge,\u201D Mayor Anna Kowalski said in Warsaw on Monday.");
Console.WriteLine(ArticleAnalysisJson.Serialize(result));
if (result.Sentences.Count == 0) { Environment.Exit(3); }
CS
# Isolate the app from the repository's Directory.*.props.
touch "$app/Directory.Build.props" "$app/Directory.Packages.props"
echo '<Project></Project>' > "$app/Directory.Build.props"
echo '<Project></Project>' > "$app/Directory.Packages.props"
(cd "$app" && dotnet run -c Release)
echo "package smoke test passed: NewsExtract $version"
