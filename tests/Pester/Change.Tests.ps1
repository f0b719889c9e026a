# Tests for the four write cmdlets. They run on copies of the example snapshots, which the module
# turns into simulated Defender hosts, and on simulated live hosts from the TestHooks seam. Nothing
# here contacts a network host.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # The local preference key of the Spynet values, which MSFT_MpPreference Set writes.
    $script:LocalSpynetKey = 'SOFTWARE\Microsoft\Windows Defender\Spynet'
    $script:GpoName = 'Contoso - Defender Cloud Baseline'

    [CloudProtection.TestHooks]::Reset()

    function Get-FileHashText {
        param([Parameter(Mandatory)] [string] $Path)

        return (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash
    }

    # Returns the registry entry a snapshot records for one value. Names are compared with case,
    # because the local SpyNetReporting and the policy SpynetReporting differ only in case.
    function Get-SnapshotRegistryEntry {
        param(
            [Parameter(Mandatory)] [string] $Path,
            [Parameter(Mandatory)] [string] $Key,
            [Parameter(Mandatory)] [string] $Name
        )

        $snapshot = Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json
        return $snapshot.registry | Where-Object { $_.key -ceq $Key -and $_.name -ceq $Name }
    }

    function Get-ResolvedSetting {
        param(
            [Parameter(Mandatory)] [string] $Path,
            [Parameter(Mandatory)] [string] $Name
        )

        return (Get-CloudProtectionState -SnapshotPath $Path).Settings | Where-Object Name -EQ $Name
    }

    function Get-SettingChange {
        param(
            [Parameter(Mandatory)] $Result,
            [Parameter(Mandatory)] [string] $Name
        )

        return $Result.Settings | Where-Object Name -EQ $Name
    }
}

Describe 'Enable-CloudProtection' {
    Context 'on a local-only machine' {
        BeforeEach {
            $copy = Copy-ExampleSnapshot 'local-only'
            $hashBefore = Get-FileHashText $copy
        }

        It 'applies SendAllSamples' {
            $result = Enable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru

            $change = Get-SettingChange $result 'SubmitSamplesConsent'
            $change.LocalBefore | Should -Be 'SendSafeSamples'
            $change.Outcome | Should -Be 'Applied'
            $change.After | Should -Be 'SendAllSamples'
        }

        It 'leaves MAPSReporting unchanged' {
            $result = Enable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru

            (Get-SettingChange $result 'MAPSReporting').Outcome | Should -Be 'NoChange'
        }

        It 'writes DisableBlockAtFirstSeen False' {
            $result = Enable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru

            (Get-SettingChange $result 'DisableBlockAtFirstSeen').Outcome | Should -Be 'Applied'
            (Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'DisableBlockAtFirstSeen').value | Should -Be 0
        }

        It 'returns one written result' {
            $result = @(Enable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru)

            $result.Count | Should -Be 1
            $result[0] | Should -BeOfType ([CloudProtection.Changes.ChangeResult])
            $result[0].Written | Should -BeTrue
            $result[0].Succeeded | Should -BeTrue
            $result[0].SnapshotPath | Should -Be $copy
        }

        It 'changes the snapshot file' {
            Enable-CloudProtection -SnapshotPath $copy -Confirm:$false

            Get-FileHashText $copy | Should -Not -Be $hashBefore
            (Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'SubmitSamplesConsent').value | Should -Be 3
        }

        It 'state shows the local SendAllSamples' {
            Enable-CloudProtection -SnapshotPath $copy -Confirm:$false

            $setting = Get-ResolvedSetting $copy 'SubmitSamplesConsent'
            $setting.Value | Should -Be 'SendAllSamples'
            $setting.Source | Should -Be 'LocalPreference'
        }

        It 'second run is NoChange' {
            Enable-CloudProtection -SnapshotPath $copy -Confirm:$false
            $hashAfterFirst = Get-FileHashText $copy

            $second = Enable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru

            $second.Settings.Outcome | Should -Not -Contain 'Applied'
            @($second.Settings | Where-Object Outcome -EQ 'NoChange').Count | Should -Be 3
            $second.Written | Should -BeFalse
            Get-FileHashText $copy | Should -Be $hashAfterFirst
        }

        It 'SendSafeSamples keeps the local value' {
            $result = Enable-CloudProtection -SnapshotPath $copy -SubmitSamplesConsent SendSafeSamples -Confirm:$false -PassThru

            (Get-SettingChange $result 'SubmitSamplesConsent').Outcome | Should -Be 'NoChange'
            (Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'SubmitSamplesConsent').value | Should -Be 1
        }

        It 'accepts CloudExtendedTimeout <Seconds>' -ForEach @(
            @{ Seconds = 0 }
            @{ Seconds = 50 }
        ) {
            $result = Enable-CloudProtection -SnapshotPath $copy -CloudExtendedTimeout $Seconds -Confirm:$false -PassThru

            (Get-SettingChange $result 'CloudExtendedTimeout').Requested | Should -Be $Seconds
        }

        It 'rejects CloudExtendedTimeout <Seconds>' -ForEach @(
            @{ Seconds = 51; ErrorId = 'ParameterArgumentValidationError' }
            @{ Seconds = 3600; ErrorId = 'ParameterArgumentValidationError' }
            @{ Seconds = -1; ErrorId = 'CannotConvertArgumentNoMessage' }
        ) {
            { Enable-CloudProtection -SnapshotPath $copy -CloudExtendedTimeout $Seconds -Confirm:$false } |
                Should -Throw -ErrorId "$ErrorId,*"

            Get-FileHashText $copy | Should -Be $hashBefore
        }

        It 'rejects SubmitSamplesConsent NeverSend' {
            { Enable-CloudProtection -SnapshotPath $copy -SubmitSamplesConsent NeverSend -Confirm:$false } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }
    }

    Context 'on a machine whose GPO enforces the same values' {
        It 'writes nothing' {
            $copy = Copy-ExampleSnapshot 'gpo-overrides-local'
            $hashBefore = Get-FileHashText $copy

            $result = Enable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru -ErrorVariable errors

            @($result.Settings | Where-Object Outcome -EQ 'NoChange').Count | Should -Be 3
            $errors.Count | Should -Be 0
            Get-FileHashText $copy | Should -Be $hashBefore
        }
    }
}

Describe 'Write cmdlets on a passive-mode Defender' {
    It 'warns that cloud protection does not work there' {
        $copy = Copy-ExampleSnapshot 'passive-mode'

        $result = Enable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru -WarningVariable warnings -WarningAction SilentlyContinue

        $result.Warnings[0] | Should -BeLike '*Passive mode*'
        @($warnings | Where-Object { $_.Message -like 'SRV-APP-0007: Defender runs in Passive mode*' }).Count | Should -Be 1
    }
}

Describe 'Rehearsed snapshots' {
    It 'do not confirm a disputed default' {
        # Removing the local MAPSReporting leaves the documented default, on which Microsoft's documents
        # disagree. The rehearsal must not store its own prediction as Defender's observed value.
        $copy = Copy-ExampleSnapshot 'local-only'

        Reset-CloudProtection -SnapshotPath $copy -Setting MAPSReporting -Confirm:$false
        $setting = (Get-CloudProtectionState -SnapshotPath $copy).GetSetting('MAPSReporting')

        $setting.Source.ToString() | Should -Be 'Default'
        $setting.Certainty.ToString() | Should -Be 'Unconfirmed'
        $setting.ObservedValue | Should -BeNullOrEmpty
    }
}

Describe 'Disable-CloudProtection' {
    It 'has ConfirmImpact High' {
        $cmdlet = [CloudProtection.Commands.DisableCloudProtectionCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]

        $cmdlet.ConfirmImpact | Should -Be 'High'
    }

    Context 'under tamper protection' {
        BeforeEach {
            $copy = Copy-ExampleSnapshot 'local-only'
            $result = Disable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru `
                -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        }

        It 'warns about Block at First Sight' {
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -BeLike '*Block at First Sight*'
        }

        It 'reports one BlockedByTamperProtection error' {
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'BlockedByTamperProtection,*'
            $errors[0].CategoryInfo.Category | Should -Be 'SecurityError'
            $errors[0].Exception.Message | Should -BeLike '*MAPSReporting=Disabled*'
            $errors[0].TargetObject | Should -Be $copy
        }

        It 'keeps MAPSReporting Advanced' {
            (Get-SettingChange $result 'MAPSReporting').Outcome | Should -Be 'BlockedByTamperProtection'
            (Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'SpyNetReporting').value | Should -Be 2
            (Get-ResolvedSetting $copy 'MAPSReporting').Value | Should -Be 'Advanced'
        }

        # The settings catalog marks MAPSReporting, real-time and IOAV protection as tamper-protected,
        # but not sample submission, so NeverSend is written although MAPSReporting is blocked.
        It 'applies SubmitSamplesConsent NeverSend' {
            (Get-SettingChange $result 'SubmitSamplesConsent').Outcome | Should -Be 'Applied'
            (Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'SubmitSamplesConsent').value | Should -Be 2
        }

        It 'reports the result as not succeeded' {
            $result.Succeeded | Should -BeFalse
        }
    }

    Context 'without tamper protection' {
        It 'applies both settings' {
            $copy = Copy-ExampleSnapshot 'passive-mode'

            $result = Disable-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru -WarningAction SilentlyContinue

            (Get-SettingChange $result 'MAPSReporting').Outcome | Should -Be 'Applied'
            (Get-SettingChange $result 'SubmitSamplesConsent').Outcome | Should -Be 'Applied'
            (Get-ResolvedSetting $copy 'MAPSReporting').Value | Should -Be 'Disabled'
        }
    }
}

Describe 'Set-CloudProtection' {
    Context 'shadowed by Group Policy' {
        BeforeEach {
            $copy = Copy-ExampleSnapshot 'gpo-overrides-local'
            $hashBefore = Get-FileHashText $copy
        }

        It 'reports SettingShadowed' {
            Set-CloudProtection -SnapshotPath $copy -MAPSReporting Disabled -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'SettingShadowed,*'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        }

        It 'names the GPO in the error' {
            Set-CloudProtection -SnapshotPath $copy -MAPSReporting Disabled -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].Exception.Message | Should -BeLike "*$GpoName*"
        }

        It 'leaves the file unchanged' {
            Set-CloudProtection -SnapshotPath $copy -MAPSReporting Disabled -Confirm:$false -ErrorAction SilentlyContinue

            Get-FileHashText $copy | Should -Be $hashBefore
        }

        It 'returns ShadowedByGroupPolicy' {
            $result = Set-CloudProtection -SnapshotPath $copy -MAPSReporting Disabled -Confirm:$false -PassThru -ErrorAction SilentlyContinue

            $change = Get-SettingChange $result 'MAPSReporting'
            $change.Outcome | Should -Be 'ShadowedByGroupPolicy'
            $change.Owner | Should -BeLike "$GpoName*"
            $result.Written | Should -BeFalse
        }

        It 'applies an unowned setting beside it' {
            $result = Set-CloudProtection -SnapshotPath $copy -MAPSReporting Disabled -CloudExtendedTimeout 20 -Confirm:$false -PassThru -ErrorAction SilentlyContinue

            (Get-SettingChange $result 'CloudExtendedTimeout').Outcome | Should -Be 'Applied'
            (Get-SettingChange $result 'MAPSReporting').Outcome | Should -Be 'ShadowedByGroupPolicy'
            (Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'SpyNetReporting').value | Should -Be 0
        }
    }

    Context 'shadowed by Group Policy with -Force' {
        BeforeEach {
            $copy = Copy-ExampleSnapshot 'gpo-overrides-local'
            $hashBefore = Get-FileHashText $copy
            $result = Set-CloudProtection -SnapshotPath $copy -MAPSReporting Basic -Force -Confirm:$false -PassThru `
                -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        }

        It 'warns that the value stays shadowed' {
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -BeLike '*stays shadowed*'
            $warnings[0].Message | Should -BeLike "*$GpoName*"
        }

        It 'writes no error' {
            $errors | Should -HaveCount 0
        }

        It 'writes the local value' {
            $entry = Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'SpyNetReporting'
            $entry.state | Should -Be 'Present'
            $entry.value | Should -Be 1
        }

        It 'keeps the GPO value effective' {
            $setting = Get-ResolvedSetting $copy 'MAPSReporting'
            $setting.Value | Should -Be 'Advanced'
            $setting.Source | Should -Be 'GroupPolicy'
        }

        It 'returns ShadowedByGroupPolicy' {
            $change = Get-SettingChange $result 'MAPSReporting'
            $change.Outcome | Should -Be 'ShadowedByGroupPolicy'
            $change.After | Should -Be 'Advanced'
            $result.Written | Should -BeTrue
        }

        It 'skips a local value already set' {
            $hashAfterFirst = Get-FileHashText $copy

            $second = Set-CloudProtection -SnapshotPath $copy -MAPSReporting Basic -Force -Confirm:$false -PassThru -WarningAction SilentlyContinue

            $second.Written | Should -BeFalse
            Get-FileHashText $copy | Should -Be $hashAfterFirst
        }
    }

    Context 'parameter binding' {
        BeforeAll {
            $copy = Copy-ExampleSnapshot 'local-only'
        }

        It 'rejects <Name> <Value>' -ForEach @(
            @{ Name = 'SubmitSamplesConsent'; Value = 'Always'; Hint = 'AlwaysPrompt' }
            @{ Name = 'MAPSReporting'; Value = 'Adv'; Hint = 'Advanced' }
            @{ Name = 'CloudBlockLevel'; Value = 3; Hint = 'is not a defined CloudBlockLevelType number' }
            @{ Name = 'CloudBlockLevel'; Value = 'Extreme'; Hint = 'ZeroTolerance (6)' }
            @{ Name = 'SubmitSamplesConsent'; Value = 9; Hint = 'SendAllSamples (3)' }
        ) {
            $parameters = @{ $Name = $Value }

            $thrown = { Set-CloudProtection -SnapshotPath $copy @parameters -WhatIf } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -PassThru

            $thrown.Exception.Message | Should -BeLike "*$Hint*"
        }

        It 'rejects an empty MAPSReporting' {
            $thrown = { Set-CloudProtection -SnapshotPath $copy -MAPSReporting '' -WhatIf } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -PassThru

            $thrown.Exception.Message | Should -Not -BeLike '*Abbreviations*'
        }

        It 'binds <Name> <Value> to <Expected>' -ForEach @(
            @{ Name = 'CloudBlockLevel'; Value = 2; Expected = 'High' }
            @{ Name = 'CloudBlockLevel'; Value = 'highplus'; Expected = 'HighPlus' }
            @{ Name = 'MAPSReporting'; Value = 'advanced'; Expected = 'Advanced' }
            @{ Name = 'MAPSReporting'; Value = '0'; Expected = 'Disabled' }
            @{ Name = 'SubmitSamplesConsent'; Value = 'AlwaysPrompt'; Expected = 'AlwaysPrompt' }
        ) {
            $parameters = @{ $Name = $Value }

            $result = Set-CloudProtection -SnapshotPath $copy @parameters -WhatIf -PassThru -ErrorAction SilentlyContinue

            (Get-SettingChange $result $Name).Requested | Should -Be $Expected
        }

        It 'rejects CloudExtendedTimeout 51' {
            { Set-CloudProtection -SnapshotPath $copy -CloudExtendedTimeout 51 -WhatIf } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }

        It 'requires a setting parameter' {
            $hashBefore = Get-FileHashText $copy

            { Set-CloudProtection -SnapshotPath $copy -Confirm:$false } | Should -Throw -ErrorId 'NoSettingRequested,*'

            Get-FileHashText $copy | Should -Be $hashBefore
        }
    }

    Context 'live on a machine without CIM' -Skip:$IsWindows {
        It 'fails with LiveManagementRequiresWindows' {
            $thrown = { Set-CloudProtection -MAPSReporting Advanced -Confirm:$false } |
                Should -Throw -ErrorId 'LiveManagementRequiresWindows,*' -PassThru

            $thrown.Exception | Should -Not -BeOfType ([System.DllNotFoundException])
            $thrown.Exception.InnerException | Should -Not -BeOfType ([System.DllNotFoundException])
        }
    }
}

Describe 'Reset-CloudProtection' {
    Context 'under Group Policy' {
        BeforeEach {
            $copy = Copy-ExampleSnapshot 'gpo-overrides-local'
            $result = Reset-CloudProtection -SnapshotPath $copy -Setting MAPSReporting -Confirm:$false -PassThru
        }

        It 'returns Reset' {
            $change = Get-SettingChange $result 'MAPSReporting'
            $change.Outcome | Should -Be 'Reset'
            $change.LocalBefore | Should -Be 'Disabled'
        }

        It 'removes the local value' {
            (Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'SpyNetReporting').state | Should -Be 'Absent'
        }

        It 'keeps GroupPolicy as source' {
            $setting = Get-ResolvedSetting $copy 'MAPSReporting'
            $setting.Source | Should -Be 'GroupPolicy'
            $setting.Value | Should -Be 'Advanced'
        }

        It 'touches no other setting' {
            $result.Settings | Should -HaveCount 1
            (Get-SnapshotRegistryEntry $copy $LocalSpynetKey 'SubmitSamplesConsent').value | Should -Be 2
        }
    }

    Context 'on a local-only machine' {
        BeforeEach {
            $copy = Copy-ExampleSnapshot 'local-only'
        }

        It 'shows Source Default afterwards' {
            (Get-ResolvedSetting $copy 'SubmitSamplesConsent').Source | Should -Be 'LocalPreference'

            $result = Reset-CloudProtection -SnapshotPath $copy -Setting SubmitSamplesConsent -Confirm:$false -PassThru

            (Get-SettingChange $result 'SubmitSamplesConsent').Outcome | Should -Be 'Reset'
            (Get-ResolvedSetting $copy 'SubmitSamplesConsent').Source | Should -Be 'Default'
        }

        It 'second reset is NoChange' {
            Reset-CloudProtection -SnapshotPath $copy -Setting SubmitSamplesConsent -Confirm:$false
            $hashAfterFirst = Get-FileHashText $copy

            $second = Reset-CloudProtection -SnapshotPath $copy -Setting SubmitSamplesConsent -Confirm:$false -PassThru

            (Get-SettingChange $second 'SubmitSamplesConsent').Outcome | Should -Be 'NoChange'
            $second.Written | Should -BeFalse
            Get-FileHashText $copy | Should -Be $hashAfterFirst
        }

        It 'resets every local value without -Setting' {
            $result = Reset-CloudProtection -SnapshotPath $copy -Confirm:$false -PassThru

            @($result.Settings | Where-Object Outcome -EQ 'Reset').Name | Should -Be @('MAPSReporting', 'SubmitSamplesConsent')
            (Get-ResolvedSetting $copy 'MAPSReporting').Source | Should -Be 'Default'
        }

        It 'rejects an unknown setting name' {
            { Reset-CloudProtection -SnapshotPath $copy -Setting CloudProtection -Confirm:$false } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }
    }
}

Describe 'Write cmdlets with -WhatIf' {
    BeforeEach {
        $copy = Copy-ExampleSnapshot 'local-only'
        $hashBefore = Get-FileHashText $copy
    }

    It '<Command> leaves the file unchanged' -ForEach @(
        @{ Command = 'Enable-CloudProtection'; Parameters = @{}; Planned = 'SubmitSamplesConsent' }
        @{ Command = 'Disable-CloudProtection'; Parameters = @{}; Planned = 'SubmitSamplesConsent' }
        @{ Command = 'Set-CloudProtection'; Parameters = @{ CloudBlockLevel = 'High' }; Planned = 'CloudBlockLevel' }
        @{ Command = 'Reset-CloudProtection'; Parameters = @{ Setting = 'SubmitSamplesConsent' }; Planned = 'SubmitSamplesConsent' }
    ) {
        $result = & $Command -SnapshotPath $copy @Parameters -WhatIf -PassThru -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        Get-FileHashText $copy | Should -Be $hashBefore
        $result.Written | Should -BeFalse
        (Get-SettingChange $result $Planned).Outcome | Should -Be 'NotWritten'
    }
}

Describe 'ShouldProcess messages' {
    BeforeAll {
        $localOnly = Copy-ExampleSnapshot 'local-only'
        $gpo = Copy-ExampleSnapshot 'gpo-overrides-local'
        $manifest = Join-Path (Get-Module CloudProtection).ModuleBase 'CloudProtection.psd1'

        # In pwsh 7 the host prints "What if:" messages straight to the console, so a child
        # process runs the commands and its standard output is read.
        $childScript = Join-Path $TestDrive 'ShouldProcess.ps1'
        Set-Content -LiteralPath $childScript -Value @'
param($Manifest, $LocalOnly, $Gpo)
Import-Module $Manifest
Enable-CloudProtection -SnapshotPath $LocalOnly -WhatIf
Reset-CloudProtection -SnapshotPath $Gpo -Setting SubmitSamplesConsent -WhatIf
[CloudProtection.TestHooks]::UseSimulatedHosts($LocalOnly, 0, $null)
Set-CloudProtection -ComputerName pc1 -CloudBlockLevel High -WhatIf
'@

        # Under `dotnet tool run` the process is dotnet itself, which needs pwsh.dll as its first argument.
        $processPath = (Get-Process -Id $PID).Path
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $childScript, '-Manifest', $manifest, '-LocalOnly', $localOnly, '-Gpo', $gpo)
        if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
            $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments
        }

        $output = & $processPath @arguments 2>&1
        $childExitCode = $LASTEXITCODE
        $text = $output -join "`n"
    }

    It 'child process succeeds' {
        $childExitCode | Should -Be 0
    }

    It 'names the old and new value' {
        $text | Should -BeLike '*What if: Performing the operation "Set SubmitSamplesConsent: SendSafeSamples -> SendAllSamples; DisableBlockAtFirstSeen: (not set) -> False"*'
    }

    It 'names the snapshot machine' {
        $text | Should -BeLike "*on target `"WS-HOME-0003 (snapshot '$localOnly')`"*"
    }

    It 'leaves out settings already set' {
        $text | Should -Not -BeLike '*MAPSReporting: *'
    }

    It 'names the local value a reset removes' {
        $text | Should -BeLike '*"Reset SubmitSamplesConsent: remove local NeverSend" on target "WS-FIN-0142 (snapshot*'
    }

    It 'names a live computer' {
        $text | Should -BeLike '*"Set CloudBlockLevel: (not set) -> High" on target "pc1".*'
    }
}

Describe 'Write cmdlets on simulated hosts' {
    BeforeEach {
        $copy = Copy-ExampleSnapshot 'local-only'
        $hashBefore = Get-FileHashText $copy
    }

    AfterEach {
        [CloudProtection.TestHooks]::Reset()
    }

    Context 'with one unavailable computer' {
        BeforeEach {
            [CloudProtection.TestHooks]::UseSimulatedHosts($copy, 0, @{ 'bad1' = 'DefenderUnavailable' })
            $results = @(Enable-CloudProtection -ComputerName pc1, bad1 -Confirm:$false -PassThru `
                    -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        }

        It 'returns a result for pc1' {
            $results | Should -HaveCount 1
            $results[0].ComputerName | Should -Be 'pc1'
            (Get-SettingChange $results[0] 'SubmitSamplesConsent').Outcome | Should -Be 'Applied'
        }

        It 'writes one error for bad1' {
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'DefenderUnavailable,*'
            $errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $errors[0].TargetObject | Should -Be 'bad1'
        }

        It 'leaves the snapshot file unchanged' {
            Get-FileHashText $copy | Should -Be $hashBefore
        }
    }

    Context 'with -WhatIf' {
        It 'writes nothing' {
            [CloudProtection.TestHooks]::UseSimulatedHosts($copy, 0, $null)

            $results = @(Enable-CloudProtection -ComputerName pc1, pc2 -WhatIf -PassThru)

            $results | Should -HaveCount 2
            $results.Written | Should -Not -Contain $true
            @($results.Settings | Where-Object Outcome -EQ 'NotWritten').Count | Should -Be 4
            Get-FileHashText $copy | Should -Be $hashBefore
        }
    }

    Context 'with shadowed settings' {
        It 'counts each computer once' {
            $gpo = Copy-ExampleSnapshot 'gpo-overrides-local'
            [CloudProtection.TestHooks]::UseSimulatedHosts($gpo, 0, $null)

            Set-CloudProtection -ComputerName pc1 -MAPSReporting Disabled -SubmitSamplesConsent AlwaysPrompt -CloudExtendedTimeout 5 -Confirm:$false `
                -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings[-1].Message | Should -BeLike '*: 0 of 1 computers as requested, 1 with settings not applied, 0 failed.*'
        }
    }
}

Describe 'Write cmdlets when Defender is unavailable' {
    BeforeAll {
        # A snapshot of a machine whose MSFT_MpPreference read failed. The simulated host then fails
        # every read and write of the preference, as a machine without a running Defender does.
        $failed = Copy-ExampleSnapshot 'local-only'
        $snapshot = Get-Content -LiteralPath $failed -Raw | ConvertFrom-Json
        $snapshot.preference = [pscustomobject]@{ status = 'Failed'; error = 'MSFT_MpPreference returned 0x800106BA' }
        $snapshot | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $failed
        $hashBefore = Get-FileHashText $failed
    }

    AfterEach {
        [CloudProtection.TestHooks]::Reset()
    }

    It 'reports DefenderUnavailable for a snapshot' {
        $results = @(Enable-CloudProtection -SnapshotPath $failed -Confirm:$false -PassThru -ErrorVariable errors -ErrorAction SilentlyContinue)

        $results | Should -HaveCount 0
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'DefenderUnavailable,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $errors[0].TargetObject | Should -Be $failed
        Get-FileHashText $failed | Should -Be $hashBefore
    }

    It 'reports DefenderUnavailable for a computer' {
        [CloudProtection.TestHooks]::UseSimulatedHosts($failed, 0, $null)

        $results = @(Enable-CloudProtection -ComputerName pc3 -Confirm:$false -PassThru `
                -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results | Should -HaveCount 0
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'DefenderUnavailable,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $errors[0].TargetObject | Should -Be 'pc3'
    }
}
