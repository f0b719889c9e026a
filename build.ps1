#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the CloudProtection module.

.DESCRIPTION
    Run it with the PowerShell that the repository pins as a local dotnet tool:

        dotnet tool restore
        dotnet tool run pwsh -NoProfile -File ./build.ps1 -Task Test

    Tasks:
      Build      Compiles the assemblies and assembles the importable module in out/CloudProtection.
      Test       Build, then the xUnit tests, then the Pester tests against the built module. Ends with
                 the line "N passed, N failed" counting both, and exits 1 on any failure.
      Example    Build, then runs Get-CloudProtectionState on the bundled example snapshots and on an
                 example Group Policy file: the main job, on any platform.
      Benchmark  Build, then the fan-out benchmark over simulated hosts and the module import time.
      Clean      Removes out/ and the bin and obj folders.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Example', 'Benchmark', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/CloudProtection'
$testResults = Join-Path $root 'out/TestResults'

function Invoke-DotNet {
    # Runs dotnet and stops the build on a non-zero exit code, which $ErrorActionPreference does not catch.
    & dotnet @args
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    [xml] $props = Get-Content -Raw (Join-Path $root 'Directory.Build.props')
    return $props.Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
}

function Invoke-Build {
    Write-Host "Building CloudProtection ($Configuration)"
    Invoke-DotNet build (Join-Path $root 'src/CloudProtection/CloudProtection.csproj') -c $Configuration --nologo -v quiet

    if (Test-Path $moduleOut) {
        Remove-Item $moduleOut -Recurse -Force
    }

    New-Item -ItemType Directory -Path $moduleOut, (Join-Path $moduleOut 'en-US') -Force | Out-Null
    $binary = Join-Path $root "src/CloudProtection/bin/$Configuration/netstandard2.0"

    # Only our own two assemblies ship: PowerShell and MMI come from the host.
    foreach ($name in 'CloudProtection.dll', 'CloudProtection.pdb', 'CloudProtection.Core.dll', 'CloudProtection.Core.pdb') {
        Copy-Item (Join-Path $binary $name) $moduleOut
    }

    foreach ($name in 'CloudProtection.Format.ps1xml', 'CloudProtection.Types.ps1xml') {
        Copy-Item (Join-Path $root "src/CloudProtection/$name") $moduleOut
    }

    Copy-Item (Join-Path $root 'LICENSE') $moduleOut
    $manifest = Get-Content -Raw (Join-Path $root 'CloudProtection.psd1')
    $manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$(Get-ModuleVersion)'"
    Set-Content -Path (Join-Path $moduleOut 'CloudProtection.psd1') -Value $manifest -NoNewline

    $helpScript = Join-Path $root 'tools/New-MamlHelp.ps1'
    if (Test-Path $helpScript) {
        & $helpScript -DocsPath (Join-Path $root 'docs/en-US') -ModulePath $moduleOut -OutputPath (Join-Path $moduleOut 'en-US')
    }

    Write-Host "Module: $moduleOut"
}

function Get-PesterPath {
    # Pester is a PackageDownload of the xUnit project, so restoring that project fetches it from NuGet.
    Invoke-DotNet restore (Join-Path $root 'tests/CloudProtection.Core.Tests/CloudProtection.Core.Tests.csproj') --nologo -v quiet
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) {
        throw "Pester 5.7.1 was not found at '$manifest' after the restore."
    }

    return $manifest
}

function Invoke-XUnit {
    New-Item -ItemType Directory -Path $testResults -Force | Out-Null
    $trx = Join-Path $testResults 'xunit.trx'
    Remove-Item $trx -ErrorAction Ignore
    # The console output goes to the host, so that only the counts are this function's output.
    & dotnet test (Join-Path $root 'tests/CloudProtection.Core.Tests/CloudProtection.Core.Tests.csproj') -c $Configuration --nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' | Out-Host
    if (-not (Test-Path $trx)) {
        throw "The xUnit run wrote no results file ($trx); see the output above."
    }

    [xml] $results = Get-Content -Raw $trx
    $counters = $results.TestRun.ResultSummary.Counters
    return [pscustomobject]@{ Passed = [int] $counters.passed; Failed = [int] $counters.failed + [int] $counters.error }
}

function Get-PwshCommand {
    # Under "dotnet tool run pwsh" this process is dotnet itself, which needs pwsh.dll as its first argument.
    $process = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }

    return @($process)
}

function Invoke-PesterTests {
    $pester = Get-PesterPath
    $resultFile = Join-Path $testResults 'pester.xml'

    # A child pwsh imports the built module fresh, as a user's session would.
    $script = {
        param($PesterManifest, $TestsPath, $ModulePath, $ResultFile)
        $env:CLOUDPROTECTION_MODULE = $ModulePath
        $ProgressPreference = 'SilentlyContinue'
        Import-Module $PesterManifest
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $TestsPath
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Normal'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputPath = $ResultFile
        $run = Invoke-Pester -Configuration $configuration
        "PESTER-COUNTS $($run.PassedCount) $($run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount)"
    }
    $pwsh = Get-PwshCommand
    $quoted = @($pester, (Join-Path $root 'tests/Pester'), (Join-Path $moduleOut 'CloudProtection.psd1'), $resultFile) | ForEach-Object { "'" + ($_ -replace "'", "''") + "'" }
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("& { $script } $($quoted -join ' ')"))
    $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
    $output | Where-Object { $_ -notmatch '^PESTER-COUNTS ' } | ForEach-Object { Write-Host $_ }
    $counts = $output | Where-Object { $_ -match '^PESTER-COUNTS (\d+) (\d+)$' } | Select-Object -Last 1
    if (-not $counts) {
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }

    $null = $counts -match '^PESTER-COUNTS (\d+) (\d+)$'
    return [pscustomobject]@{ Passed = [int] $Matches[1]; Failed = [int] $Matches[2] }
}

function Invoke-Example {
    Import-Module (Join-Path $moduleOut 'CloudProtection.psd1') -Force
    $examples = Join-Path $root 'examples'

    Write-Host "`nEvery bundled example snapshot, one row per machine:"
    Get-CloudProtectionState -SnapshotPath (Join-Path $examples '*.cloudprotection.json') | Format-Table | Out-String -Width 200 | Write-Host

    Write-Host 'Which source wins how many settings, and where:'
    Get-CloudProtectionState -SnapshotPath (Join-Path $examples '*.cloudprotection.json') |
        ForEach-Object { $machine = $_.ComputerName; $_.Settings | ForEach-Object { [pscustomobject]@{ Source = $_.Source; ComputerName = $machine } } } |
        Group-Object Source |
        Sort-Object Count -Descending |
        Format-Table Count, @{ Label = 'Source'; Expression = { $_.Name } }, @{ Label = 'Machines'; Expression = { ($_.Group.ComputerName | Sort-Object -Unique) -join ', ' } } -AutoSize |
        Out-String -Width 200 | Write-Host

    Write-Host 'Which source won each setting on the machine whose GPO overrides a local change:'
    (Get-CloudProtectionState -SnapshotPath (Join-Path $examples 'gpo-overrides-local.cloudprotection.json')).Settings | Format-Table | Out-String -Width 200 | Write-Host

    Write-Host 'A machine where only the example Group Policy file applies:'
    (Get-CloudProtectionState -GroupPolicyPath (Join-Path $examples 'group-policy/registry.pol')).Settings | Format-Table | Out-String -Width 200 | Write-Host
}

function Invoke-Benchmark {
    Invoke-DotNet run -c Release --project (Join-Path $root 'tests/CloudProtection.Benchmarks/CloudProtection.Benchmarks.csproj') -- @args

    # Import time against a bare start of the same pwsh, five runs each, medians compared as a ratio.
    $pwsh = Get-PwshCommand
    $arguments = @($pwsh | Select-Object -Skip 1)
    $manifest = Join-Path $moduleOut 'CloudProtection.psd1'
    $bare = 1..5 | ForEach-Object { (Measure-Command { & $pwsh[0] @arguments -NoProfile -NonInteractive -Command 'exit 0' }).TotalMilliseconds } | Sort-Object
    $import = 1..5 | ForEach-Object { (Measure-Command { & $pwsh[0] @arguments -NoProfile -NonInteractive -Command "Import-Module '$manifest'; exit 0" }).TotalMilliseconds } | Sort-Object
    $bareMedian = $bare[2]
    $importMedian = $import[2]
    '{0,-34} {1,8:N0} ms' -f 'pwsh start, median of 5', $bareMedian | Write-Host
    '{0,-34} {1,8:N0} ms' -f 'pwsh start + Import-Module', $importMedian | Write-Host
    '{0,-34} {1,8:N0} ms ({2:N2}x the bare start)' -f 'import cost', ($importMedian - $bareMedian), ($importMedian / $bareMedian) | Write-Host
}

switch ($Task) {
    'Clean' {
        Remove-Item (Join-Path $root 'out') -Recurse -Force -ErrorAction Ignore
        Get-ChildItem $root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
    }
    'Build' { Invoke-Build }
    'Example' { Invoke-Build; Invoke-Example }
    'Benchmark' { Invoke-Build; Invoke-Benchmark }
    'Test' {
        Invoke-Build
        $unit = Invoke-XUnit
        Write-Host "xUnit: $($unit.Passed) passed, $($unit.Failed) failed"
        $pester = Invoke-PesterTests
        Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed"
        $passed = $unit.Passed + $pester.Passed
        $failed = $unit.Failed + $pester.Failed
        Write-Host "$passed passed, $failed failed"
        if ($failed -gt 0) {
            exit 1
        }
    }
}
