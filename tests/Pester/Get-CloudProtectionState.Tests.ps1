# Get-CloudProtectionState against snapshot files and registry.pol files, its errors, the platform
# check for live use, the format views and serialization. Fleet.Tests.ps1 covers live fan-out.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # Writes a registry.pol file: 'PReg', version 1, then [key;value;type;size;data] records in UTF-16LE.
    function New-RegistryPolFile {
        param(
            [Parameter(Mandatory)] [string] $Path,
            [Parameter(Mandatory)] [hashtable[]] $Records
        )

        $unicode = [System.Text.Encoding]::Unicode
        $stream = [System.IO.MemoryStream]::new()
        $writer = [System.IO.BinaryWriter]::new($stream)
        $writer.Write([System.Text.Encoding]::ASCII.GetBytes('PReg'))
        $writer.Write([uint32] 1)
        foreach ($record in $Records) {
            $writer.Write($unicode.GetBytes('['))
            $writer.Write($unicode.GetBytes($record.Key + "`0"))
            $writer.Write($unicode.GetBytes(';'))
            $writer.Write($unicode.GetBytes($record.ValueName + "`0"))
            $writer.Write($unicode.GetBytes(';'))
            $writer.Write([uint32] $record.Type)
            $writer.Write($unicode.GetBytes(';'))
            $writer.Write([uint32] $record.Data.Length)
            $writer.Write($unicode.GetBytes(';'))
            $writer.Write([byte[]] $record.Data)
            $writer.Write($unicode.GetBytes(']'))
        }

        $writer.Flush()
        [System.IO.File]::WriteAllBytes($Path, $stream.ToArray())
    }

    # A REG_DWORD record under the Defender Policies key.
    function New-DwordRecord {
        param([string] $SubKey, [string] $ValueName, [uint32] $Value)

        return @{
            Key       = "Software\Policies\Microsoft\Windows Defender\$SubKey"
            ValueName = $ValueName
            Type      = 4
            Data      = [System.BitConverter]::GetBytes($Value)
        }
    }

    # One line per setting and candidate, so two states compare as two string arrays.
    function Get-SettingSummary {
        param([Parameter(Mandatory)] $State)

        foreach ($setting in $State.Settings) {
            $candidates = foreach ($candidate in $setting.Candidates) {
                '{0}/{1}/{2}' -f $candidate.Source.ToString(), $candidate.Status.ToString(), $candidate.Value
            }

            '{0}={1} from {2} [{3}]' -f $setting.Name, $setting.Value, $setting.Source.ToString(), ($candidates -join ', ')
        }
    }

    function Get-ExamplePath {
        param([Parameter(Mandatory)] [string] $Name)

        return (Resolve-Path (Join-Path $ExamplesPath "$Name.cloudprotection.json")).Path
    }
}

Describe 'Get-CloudProtectionState' {
    Context 'Snapshot <Name>' -ForEach @(
        @{ Name = 'gpo-overrides-local'; ComputerName = 'WS-FIN-0142' }
        @{ Name = 'intune-managed'; ComputerName = 'LT-SALES-0088' }
        @{ Name = 'local-only'; ComputerName = 'WS-HOME-0003' }
        @{ Name = 'local-override'; ComputerName = 'LAB-TEST-0021' }
        @{ Name = 'passive-mode'; ComputerName = 'SRV-APP-0007' }
        @{ Name = 'security-settings-management'; ComputerName = 'SRV-WEB-0112' }
    ) {
        BeforeAll {
            $path = Get-ExamplePath $Name
            $states = @(Get-CloudProtectionState -SnapshotPath $path)
        }

        It 'returns one state' {
            $states.Count | Should -Be 1
        }

        It 'returns a CloudProtectionState' {
            $states[0] | Should -BeOfType ([CloudProtection.Resolution.CloudProtectionState])
        }

        It 'names the computer' {
            $states[0].ComputerName | Should -Be $ComputerName
        }

        It 'has Origin Snapshot' {
            $states[0].Origin.ToString() | Should -Be 'Snapshot'
        }

        It 'has SourcePath set to the file' {
            $states[0].SourcePath | Should -Be $path
        }

        It 'has 8 settings' {
            $states[0].Settings.Count | Should -Be 8
        }

        It 'types MAPSReporting as an enum' {
            $states[0].MAPSReporting | Should -BeOfType ([CloudProtection.Settings.MAPSReportingType])
        }

        It 'types DisableBlockAtFirstSeen as bool' {
            $states[0].DisableBlockAtFirstSeen | Should -BeOfType ([bool])
        }

        It 'types CloudExtendedTimeout as uint' {
            $states[0].CloudExtendedTimeout | Should -BeOfType ([uint32])
        }

        It 'types the MAPSReporting setting value as an enum' {
            $states[0].GetSetting('MAPSReporting').Value | Should -BeOfType ([CloudProtection.Settings.MAPSReportingType])
        }
    }

    Context 'Winning sources' {
        It '<Setting> in <Name> comes from <Source>' -ForEach @(
            @{ Name = 'gpo-overrides-local'; Setting = 'MAPSReporting'; Source = 'GroupPolicy' }
            @{ Name = 'intune-managed'; Setting = 'MAPSReporting'; Source = 'Mdm' }
            @{ Name = 'intune-managed'; Setting = 'CloudBlockLevel'; Source = 'PolicyWriterUnknown' }
            @{ Name = 'local-only'; Setting = 'MAPSReporting'; Source = 'LocalPreference' }
            @{ Name = 'local-only'; Setting = 'CloudBlockLevel'; Source = 'Default' }
            @{ Name = 'security-settings-management'; Setting = 'MAPSReporting'; Source = 'SecuritySettingsManagement' }
        ) {
            $state = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath $Name)

            $state.GetSetting($Setting).Source.ToString() | Should -Be $Source
        }

        It 'covers every source across the examples' {
            $expected = 'GroupPolicy', 'Mdm', 'LocalPreference', 'Default', 'PolicyWriterUnknown', 'SecuritySettingsManagement'
            $states = Get-ChildItem $ExamplesPath -Filter *.json | ForEach-Object { Get-CloudProtectionState -SnapshotPath $_.FullName }
            $winners = $states.Settings | ForEach-Object { $_.Source.ToString() } | Sort-Object -Unique

            $expected | Where-Object { $_ -notin $winners } | Should -BeNullOrEmpty
        }
    }

    Context 'Group Policy over local preference' {
        BeforeAll {
            $state = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath 'gpo-overrides-local')
            $setting = $state.GetSetting('MAPSReporting')
            $local = @($setting.Candidates | Where-Object { $_.Source.ToString() -eq 'LocalPreference' })
        }

        It 'takes MAPSReporting from GroupPolicy' {
            $setting.Source.ToString() | Should -Be 'GroupPolicy'
        }

        It 'names the GPO in SourceDetail' {
            $setting.SourceDetail | Should -BeLike '*Contoso - Defender Cloud Baseline*'
        }

        It 'lists one LocalPreference candidate' {
            $local.Count | Should -Be 1
        }

        It 'marks the local candidate Shadowed' {
            $local[0].Status.ToString() | Should -Be 'Shadowed'
        }

        It 'keeps the local value Disabled' {
            $local[0].Value.ToString() | Should -Be 'Disabled'
        }
    }

    Context 'Local setting override' {
        BeforeAll {
            $state = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath 'local-override')
            $setting = $state.GetSetting('MAPSReporting')
        }

        It 'takes MAPSReporting from LocalPreference' {
            $setting.Source.ToString() | Should -Be 'LocalPreference'
        }

        It 'shadows the Group Policy value' {
            $policy = $setting.Candidates | Where-Object { $_.Source.ToString() -eq 'GroupPolicy' }

            $policy.Status.ToString() | Should -Be 'Shadowed'
        }

        It 'explains the override in a note' {
            ($setting.Notes -join ' ') | Should -BeLike '*LocalSettingOverrideSpynetReporting*'
        }
    }

    Context 'Passive mode' {
        BeforeAll {
            $state = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath 'passive-mode')
        }

        It 'turns cloud protection off' {
            $state.CloudProtectionEnabled | Should -BeFalse
        }

        It 'makes Block at First Sight ineffective' {
            $state.BlockAtFirstSightEffective | Should -BeFalse
        }

        It 'gives Passive mode as an issue' {
            $state.BlockAtFirstSightIssues | Where-Object { $_ -like '*Passive*' } | Should -Not -BeNullOrEmpty
        }
    }

    Context 'Pipeline input' {
        It 'binds FullName from Get-ChildItem' {
            $files = Get-ChildItem $ExamplesPath -Filter *.json

            $states = $files | Get-CloudProtectionState

            @($states.SourcePath) | Should -Be @($files.FullName)
        }
    }

    Context 'Example Group Policy file' {
        BeforeAll {
            $polPath = (Resolve-Path (Join-Path $ExamplesPath 'group-policy/registry.pol')).Path
            $state = Get-CloudProtectionState -GroupPolicyPath $polPath
        }

        It 'has Origin GroupPolicyFile' {
            $state.Origin.ToString() | Should -Be 'GroupPolicyFile'
        }

        It 'has SourcePath set to the file' {
            $state.SourcePath | Should -Be $polPath
        }

        It '<Setting> is <Value> from GroupPolicy' -ForEach @(
            @{ Setting = 'MAPSReporting'; Value = 'Advanced' }
            @{ Setting = 'SubmitSamplesConsent'; Value = 'SendSafeSamples' }
            @{ Setting = 'CloudBlockLevel'; Value = 'High' }
            @{ Setting = 'CloudExtendedTimeout'; Value = '20' }
            @{ Setting = 'DisableBlockAtFirstSeen'; Value = 'False' }
        ) {
            $setting = $state.GetSetting($Setting)

            "$($setting.Value) from $($setting.Source)" | Should -Be "$Value from GroupPolicy"
        }

        It '<Setting> falls back to Default' -ForEach @(
            @{ Setting = 'DisableRealtimeMonitoring' }
            @{ Setting = 'DisableIOAVProtection' }
            @{ Setting = 'LocalSettingOverrideSpynetReporting' }
        ) {
            $state.GetSetting($Setting).Source.ToString() | Should -Be 'Default'
        }

        It 'resolves a relative path in SourcePath' {
            Push-Location $ExamplesPath
            try {
                $relative = Get-CloudProtectionState -GroupPolicyPath 'group-policy/registry.pol'
            }
            finally {
                Pop-Location
            }

            $relative.SourcePath | Should -Be $polPath
        }
    }

    Context 'Own Group Policy file' {
        BeforeAll {
            $polPath = Join-Path $TestDrive 'registry.pol'
            New-RegistryPolFile -Path $polPath -Records @(
                (New-DwordRecord -SubKey 'Spynet' -ValueName 'SpynetReporting' -Value 0)
                (New-DwordRecord -SubKey 'MpEngine' -ValueName 'MpBafsExtendedTimeout' -Value 35)
            )
            $state = Get-CloudProtectionState -GroupPolicyPath $polPath
        }

        It 'reads SpynetReporting 0 as Disabled' {
            $state.MAPSReporting.ToString() | Should -Be 'Disabled'
        }

        It 'attributes the configured 0 to GroupPolicy' {
            $state.GetSetting('MAPSReporting').Source.ToString() | Should -Be 'GroupPolicy'
        }

        It 'marks the 0 as policy-configured' {
            $state.GetSetting('MAPSReporting').PolicyConfigured | Should -BeTrue
        }

        It 'reads the extended timeout in seconds' {
            $state.CloudExtendedTimeout | Should -Be 35
        }

        It 'turns cloud protection off' {
            $state.CloudProtectionEnabled | Should -BeFalse
        }
    }

    Context 'Several Group Policy files' {
        BeforeAll {
            $first = Join-Path $TestDrive 'first.pol'
            $second = Join-Path $TestDrive 'second.pol'
            New-RegistryPolFile -Path $first -Records @(
                (New-DwordRecord -SubKey 'Spynet' -ValueName 'SpynetReporting' -Value 2)
                (New-DwordRecord -SubKey 'MpEngine' -ValueName 'MpCloudBlockLevel' -Value 2)
            )
            New-RegistryPolFile -Path $second -Records @(
                (New-DwordRecord -SubKey 'Spynet' -ValueName 'SpynetReporting' -Value 0)
                (New-DwordRecord -SubKey 'MpEngine' -ValueName 'MpCloudBlockLevel' -Value 2)
            )
            $state = Get-CloudProtectionState -GroupPolicyPath $first, $second -WarningVariable conflicts -WarningAction SilentlyContinue
        }

        It 'takes the value of the file applied last' {
            $state.MAPSReporting.ToString() | Should -Be 'Disabled'
        }

        It 'warns about the replaced value once' {
            @($conflicts).Count | Should -Be 1
            $conflicts[0].Message | Should -BeLike "MAPSReporting: '*second.pol' sets Disabled (0), which replaces Advanced (2) from '*first.pol' because it is applied later.*"
        }

        It 'keeps the conflict in the state warnings' {
            @($state.Warnings | Where-Object { $_ -like 'MAPSReporting: *replaces*' }).Count | Should -Be 1
        }

        It 'names the machine after the files' {
            $state.ComputerName | Should -Be '(Group Policy: first.pol, second.pol)'
        }
    }

    Context 'Snapshot with Group Policy' {
        BeforeAll {
            $polPath = Join-Path $TestDrive 'maps-off.pol'
            New-RegistryPolFile -Path $polPath -Records @(New-DwordRecord -SubKey 'Spynet' -ValueName 'SpynetReporting' -Value 0)

            # Tamper protection would keep the local Advanced against a weaker policy value, so turn it off.
            $snapshotPath = Copy-ExampleSnapshot 'local-only'
            $document = Get-Content -Raw $snapshotPath | ConvertFrom-Json
            $document.computerStatus.IsTamperProtected = $false
            $document | ConvertTo-Json -Depth 10 | Set-Content -Path $snapshotPath

            $state = Get-CloudProtectionState -SnapshotPath $snapshotPath -GroupPolicyPath $polPath
            $setting = $state.GetSetting('MAPSReporting')
        }

        It 'has Origin SnapshotWithGroupPolicy' {
            $state.Origin.ToString() | Should -Be 'SnapshotWithGroupPolicy'
        }

        It 'keeps the snapshot computer name' {
            $state.ComputerName | Should -Be 'WS-HOME-0003'
        }

        It 'lets the policy value win' {
            "$($setting.Value) from $($setting.Source)" | Should -Be 'Disabled from GroupPolicy'
        }

        It 'shadows the local Advanced value' {
            $local = $setting.Candidates | Where-Object { $_.Source.ToString() -eq 'LocalPreference' }

            "$($local.Value) $($local.Status)" | Should -Be 'Advanced Shadowed'
        }

        It 'names both files in SourcePath' {
            $state.SourcePath | Should -Be "$snapshotPath; $polPath"
        }

        It 'keeps Advanced under tamper protection' {
            $protected = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath 'local-only') -GroupPolicyPath $polPath
            $protectedSetting = $protected.GetSetting('MAPSReporting')

            "$($protectedSetting.Value) from $($protectedSetting.Source)" | Should -Be 'Advanced from TamperProtection'
        }

        It 'marks the policy value Ignored under tamper protection' {
            $protected = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath 'local-only') -GroupPolicyPath $polPath
            $policy = $protected.GetSetting('MAPSReporting').Candidates | Where-Object { $_.Source.ToString() -eq 'GroupPolicy' }

            "$($policy.Value) $($policy.Status)" | Should -Be 'Disabled Ignored'
        }
    }

    Context 'Input errors' {
        BeforeAll {
            $badJson = Join-Path $TestDrive 'bad.cloudprotection.json'
            Set-Content -Path $badJson -Value "{`n  `"format`": `"CloudProtection.Snapshot`",`n  `"version`": 1,`n  oops`n}"

            $version2 = Join-Path $TestDrive 'version2.cloudprotection.json'
            $document = Get-Content -Raw (Get-ExamplePath 'local-only') | ConvertFrom-Json
            $document.version = 2
            $document | ConvertTo-Json -Depth 10 | Set-Content -Path $version2

            $notPReg = Join-Path $TestDrive 'text.pol'
            Set-Content -Path $notPReg -Value 'Windows Registry Editor Version 5.00'

            $validPol = Join-Path $TestDrive 'valid.pol'
            New-RegistryPolFile -Path $validPol -Records @(New-DwordRecord -SubKey 'Spynet' -ValueName 'SpynetReporting' -Value 2)
            $truncated = Join-Path $TestDrive 'truncated.pol'
            $bytes = [System.IO.File]::ReadAllBytes($validPol)
            [System.IO.File]::WriteAllBytes($truncated, $bytes[0..($bytes.Length - 7)])

            $missing = Join-Path $TestDrive 'missing.cloudprotection.json'
        }

        It '<Case> writes one error' -ForEach @(
            @{ Case = 'missing snapshot'; Parameter = 'SnapshotPath'; Variable = 'missing' }
            @{ Case = 'invalid JSON'; Parameter = 'SnapshotPath'; Variable = 'badJson' }
            @{ Case = 'version 2'; Parameter = 'SnapshotPath'; Variable = 'version2' }
            @{ Case = 'not a PReg file'; Parameter = 'GroupPolicyPath'; Variable = 'notPReg' }
            @{ Case = 'truncated registry.pol'; Parameter = 'GroupPolicyPath'; Variable = 'truncated' }
        ) {
            $arguments = @{ $Parameter = (Get-Variable -Name $Variable -ValueOnly) }

            $output = Get-CloudProtectionState @arguments -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors.Count | Should -Be 1
            $output | Should -BeNullOrEmpty
        }

        It '<Case> is <Id> with category <Category>' -ForEach @(
            @{ Case = 'missing snapshot'; Parameter = 'SnapshotPath'; Variable = 'missing'; Id = 'PathNotFound'; Category = 'ObjectNotFound' }
            @{ Case = 'invalid JSON'; Parameter = 'SnapshotPath'; Variable = 'badJson'; Id = 'InvalidSnapshot'; Category = 'InvalidData' }
            @{ Case = 'version 2'; Parameter = 'SnapshotPath'; Variable = 'version2'; Id = 'InvalidSnapshot'; Category = 'InvalidData' }
            @{ Case = 'not a PReg file'; Parameter = 'GroupPolicyPath'; Variable = 'notPReg'; Id = 'InvalidGroupPolicyFile'; Category = 'InvalidData' }
            @{ Case = 'truncated registry.pol'; Parameter = 'GroupPolicyPath'; Variable = 'truncated'; Id = 'InvalidGroupPolicyFile'; Category = 'InvalidData' }
        ) {
            $path = Get-Variable -Name $Variable -ValueOnly
            $arguments = @{ $Parameter = $path }

            Get-CloudProtectionState @arguments -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $errors[0].CategoryInfo.Category.ToString() | Should -Be $Category
            $errors[0].TargetObject | Should -Be $path
        }

        It 'does not terminate on an input error' {
            { Get-CloudProtectionState -SnapshotPath $badJson -ErrorAction SilentlyContinue } | Should -Not -Throw
        }

        It 'names the file of invalid JSON' {
            Get-CloudProtectionState -SnapshotPath $badJson -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].Exception.Message | Should -BeLike "*$badJson*"
        }

        It 'names the line of invalid JSON' {
            Get-CloudProtectionState -SnapshotPath $badJson -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].Exception.Message | Should -Match '\bline 4\b'
        }

        It 'names the unsupported version' {
            Get-CloudProtectionState -SnapshotPath $version2 -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].Exception.Message | Should -Match '\bversion 2\b'
        }

        It 'names the byte offset of a truncated record' {
            Get-CloudProtectionState -GroupPolicyPath $truncated -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].Exception.Message | Should -Match '\bbyte 8\b'
        }

        It 'still reads the good files around a bad one' {
            $paths = (Get-ExamplePath 'local-only'), $badJson, (Get-ExamplePath 'passive-mode')

            $states = Get-CloudProtectionState -SnapshotPath $paths -ErrorVariable errors -ErrorAction SilentlyContinue

            @($states.ComputerName) | Should -Be @('WS-HOME-0003', 'SRV-APP-0007')
            $errors.Count | Should -Be 1
        }
    }

    Context 'Live use on a platform without CIM' -Skip:$IsWindows {
        BeforeAll {
            [CloudProtection.TestHooks]::Reset()
        }

        It '<Case> writes one error' -ForEach @(
            @{ Case = 'local computer'; Arguments = @{} }
            @{ Case = 'two computers'; Arguments = @{ ComputerName = 'a', 'b' } }
        ) {
            $errors = $null
            try {
                Get-CloudProtectionState @Arguments -ErrorVariable errors
            }
            catch {
                Write-Verbose "Terminating error as expected: $_"
            }

            $errors.Count | Should -Be 1
        }

        It '<Case> is LiveManagementRequiresWindows' -ForEach @(
            @{ Case = 'local computer'; Arguments = @{} }
            @{ Case = 'two computers'; Arguments = @{ ComputerName = 'a', 'b' } }
        ) {
            $record = $null
            try {
                Get-CloudProtectionState @Arguments
            }
            catch {
                $record = $_
            }

            $record.FullyQualifiedErrorId | Should -BeLike 'LiveManagementRequiresWindows,*'
            $record.Exception.Message | Should -BeLike '*-SnapshotPath*'
        }

        It '<Case> hides DllNotFoundException' -ForEach @(
            @{ Case = 'local computer'; Arguments = @{} }
            @{ Case = 'two computers'; Arguments = @{ ComputerName = 'a', 'b' } }
        ) {
            $record = $null
            try {
                Get-CloudProtectionState @Arguments
            }
            catch {
                $record = $_
            }

            $text = ($record | Format-List * -Force | Out-String) + $record.Exception.ToString()
            $text | Should -Not -BeLike '*DllNotFound*'
        }
    }

    Context 'Parameter binding' {
        It 'rejects a string as -CimSession' {
            { Get-CloudProtectionState -CimSession 'notasession' } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
        }

        It 'explains how to get a CimSession' {
            $record = $null
            try {
                Get-CloudProtectionState -CimSession 'notasession'
            }
            catch {
                $record = $_
            }

            $record.Exception.Message | Should -BeLike "*'notasession' is not a CimSession*New-CimSession*"
        }
    }

    Context 'Format views' {
        BeforeAll {
            $state = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath 'gpo-overrides-local')
            $passive = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath 'passive-mode')
        }

        It 'shows the state table header' {
            $state | Format-Table | Out-String | Should -Match '(?m)^ComputerName\s+CloudProtection\s+BlockAtFirstSight'
        }

        It 'shows the computer in the state table' {
            $state | Format-Table | Out-String | Should -Match '(?m)^WS-FIN-0142\s+On\s+Effective'
        }

        It 'shows the settings table header' {
            # NOTE: the fixed column widths need more than 80 characters, so Lost is cut off at 80.
            $state.Settings | Format-Table | Out-String -Width 250 | Should -Match '(?m)^Name\s+Value\s+Source\s+Certainty\s+Lost'
        }

        It 'lists the losing value under Lost' {
            $state.Settings | Format-Table | Out-String -Width 250 | Should -Match 'MAPSReporting .*LocalPreference=Disabled'
        }

        It 'shows BlockAtFirstSightIssues in the list' {
            $passive | Format-List | Out-String | Should -Match 'BlockAtFirstSightIssues\s*:\s*Defender runs in Passive mode'
        }

        It 'shows settings with their sources in the list' {
            $state | Format-List | Out-String | Should -Match 'MAPSReporting = Advanced \(GroupPolicy\)'
        }
    }

    Context 'Serialization' {
        BeforeAll {
            $state = Get-CloudProtectionState -SnapshotPath (Get-ExamplePath 'gpo-overrides-local')
            $serializer = [System.Management.Automation.PSSerializer]
            $copy = $serializer::Deserialize($serializer::Serialize($state))
        }

        It 'keeps 8 settings' {
            @($copy.Settings).Count | Should -Be 8
        }

        It 'keeps sources and candidates' {
            Get-SettingSummary $copy | Should -Be (Get-SettingSummary $state)
        }

        It 'has the Deserialized type name' {
            $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.CloudProtection.Resolution.CloudProtectionState'
        }

        It 'formats with the state table view' {
            $copy | Format-Table | Out-String | Should -Match '(?m)^ComputerName\s+CloudProtection\s+BlockAtFirstSight'
        }

        It 'lists the losing value under Lost' {
            $copy.Settings | Format-Table | Out-String -Width 250 | Should -Match 'MAPSReporting .*LocalPreference=Disabled'
        }

        It 'omits Confirmed certainty in the list' {
            $copy | Format-List | Out-String | Should -Match 'MAPSReporting = Advanced \(GroupPolicy\)'
        }
    }

    Context 'Out-of-process job' {
        BeforeAll {
            $manifest = (Resolve-Path $script:ModuleManifest).Path
            $path = Get-ExamplePath 'gpo-overrides-local'
            $state = Get-CloudProtectionState -SnapshotPath $path
            $received = Start-Job { Import-Module $using:manifest; Get-CloudProtectionState -SnapshotPath $using:path } |
                Receive-Job -Wait -AutoRemoveJob
        }

        It 'returns one state' {
            @($received).Count | Should -Be 1
        }

        It 'keeps sources and candidates' {
            Get-SettingSummary $received | Should -Be (Get-SettingSummary $state)
        }

        It 'formats with the state table view' {
            $received | Format-Table | Out-String | Should -Match '(?m)^ComputerName\s+CloudProtection\s+BlockAtFirstSight'
        }

        It 'shows the computer in the table' {
            $received | Format-Table | Out-String | Should -Match '(?m)^WS-FIN-0142\s+On\s+Effective'
        }
    }
}
