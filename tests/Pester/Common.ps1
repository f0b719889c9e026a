# Dot-sourced by every Pester file: imports the built module, never the source tree, so the tests
# exercise what a user installs. build.ps1 -Task Test sets CLOUDPROTECTION_MODULE; a direct
# Invoke-Pester run falls back to the default build output.
Set-StrictMode -Version Latest

$script:ModuleManifest = if ($env:CLOUDPROTECTION_MODULE) {
    $env:CLOUDPROTECTION_MODULE
}
else {
    Join-Path $PSScriptRoot '../../out/CloudProtection/CloudProtection.psd1'
}

if (-not (Test-Path $script:ModuleManifest)) {
    throw "The built module was not found at '$script:ModuleManifest'. Run: dotnet tool run pwsh -NoProfile -File ./build.ps1 -Task Build"
}

Import-Module $script:ModuleManifest -Force
$script:ExamplesPath = Join-Path $PSScriptRoot '../../examples'

# Copies an example snapshot into the test drive, so a test may change it without touching examples/.
function Copy-ExampleSnapshot {
    param([Parameter(Mandatory)] [string] $Name)

    $target = Join-Path $TestDrive "$Name.cloudprotection.json"
    Copy-Item (Join-Path $script:ExamplesPath "$Name.cloudprotection.json") $target -Force
    return $target
}
