@{
    RootModule           = 'CloudProtection.dll'

    # build.ps1 writes the version from Directory.Build.props into the built copy of this manifest.
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1c9a52-3d0e-4f7b-9a8e-2c5d7b41e0a3'
    Author               = 'CloudProtection contributors'
    CompanyName          = 'CloudProtection contributors'
    Copyright            = '(c) 2026 CloudProtection contributors. MIT License.'
    Description          = 'Shows and changes Microsoft Defender Antivirus cloud-delivered protection, and tells for each setting which configuration source won: Group Policy, Intune (MDM), Configuration Manager, security settings management, the local preference or the default.'

    # netstandard2.0 assemblies: Windows PowerShell 5.1 on .NET Framework 4.7.2 or later, and PowerShell 7.
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions = @('Desktop', 'Core')

    NestedModules        = @()
    FormatsToProcess     = @('CloudProtection.Format.ps1xml')
    TypesToProcess       = @('CloudProtection.Types.ps1xml')

    CmdletsToExport      = @(
        'Get-CloudProtectionState'
        'Export-CloudProtectionSnapshot'
        'Enable-CloudProtection'
        'Disable-CloudProtection'
        'Set-CloudProtection'
        'Reset-CloudProtection'
        'Test-CloudProtection'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags       = @('Defender', 'MicrosoftDefender', 'Antivirus', 'CloudProtection', 'MAPS', 'GroupPolicy', 'Intune', 'Security', 'Windows')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
