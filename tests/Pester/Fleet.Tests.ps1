# Live fan-out over several computers: pipeline binding, one error per failing computer, progress,
# stopping, -AsJob, Export-CloudProtectionSnapshot and verbose output. TestHooks answers every
# computer name in-process from an example snapshot, so no name is ever resolved or connected to.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    $snapshotPath = (Resolve-Path (Join-Path $ExamplesPath 'local-only.cloudprotection.json')).Path
    $manifest = (Resolve-Path $script:ModuleManifest).Path
    $failures = @{
        'bad1'  = 'ConnectionError'
        'bad2'  = 'AccessDenied'
        'bad3'  = 'DefenderUnavailable'
        'bad4'  = 'ProviderFailure'
        'slow1' = 'Timeout'
    }

    # One line per setting, so two states compare as two string arrays.
    function Get-SettingSummary {
        param([Parameter(Mandatory)] $State)

        foreach ($setting in $State.Settings) {
            '{0}={1} from {2}' -f $setting.Name, $setting.Value, $setting.Source.ToString()
        }
    }
}

AfterAll {
    [CloudProtection.TestHooks]::Reset()
}

Describe 'Fleet' {
    BeforeEach {
        [CloudProtection.TestHooks]::UseSimulatedHosts($snapshotPath, 0, $failures)
    }

    AfterEach {
        [CloudProtection.TestHooks]::Reset()
    }

    Context 'Several computers' {
        It 'returns one state per computer' {
            $states = Get-CloudProtectionState -ComputerName pc1, pc2, pc3

            @($states.ComputerName | Sort-Object) | Should -Be @('pc1', 'pc2', 'pc3')
        }

        It 'reads the snapshot settings on each' {
            $expected = Get-SettingSummary (Get-CloudProtectionState -SnapshotPath $snapshotPath)

            $states = Get-CloudProtectionState -ComputerName pc1, pc2

            foreach ($state in $states) {
                Get-SettingSummary $state | Should -Be $expected
            }
        }

        It 'binds names from the pipeline' {
            $states = 'pc1', 'pc2' | Get-CloudProtectionState

            @($states.ComputerName | Sort-Object) | Should -Be @('pc1', 'pc2')
        }

        It 'binds the <Property> property' -ForEach @(
            @{ Property = 'DNSHostName' }
            @{ Property = 'CN' }
            @{ Property = 'PSComputerName' }
        ) {
            $states = [pscustomobject]@{ $Property = 'pc9' } | Get-CloudProtectionState

            @($states.ComputerName) | Should -Be @('pc9')
        }

        It 'reads a repeated name once' {
            $states = Get-CloudProtectionState -ComputerName pc1, PC1, pc2

            @($states).Count | Should -Be 2
        }
    }

    Context 'Failing computers' {
        BeforeAll {
            [CloudProtection.TestHooks]::UseSimulatedHosts($snapshotPath, 0, $failures)
            $names = 'pc1', 'bad1', 'bad2', 'bad3', 'bad4', 'slow1', 'pc2'
            $errors = $null
            $warnings = $null
            $states = Get-CloudProtectionState -ComputerName $names -OperationTimeoutSec 1 `
                -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        }

        It 'still returns the good computers' {
            @($states.ComputerName | Sort-Object) | Should -Be @('pc1', 'pc2')
        }

        It 'writes one error per failing computer' {
            @($errors.TargetObject | Sort-Object) | Should -Be @('bad1', 'bad2', 'bad3', 'bad4', 'slow1')
        }

        It '<Kind> on <Name> is <Category>' -ForEach @(
            @{ Name = 'bad1'; Kind = 'ConnectionError'; Category = 'ConnectionError'; Id = 'ComputerUnreachable' }
            @{ Name = 'bad2'; Kind = 'AccessDenied'; Category = 'PermissionDenied'; Id = 'AccessDenied' }
            @{ Name = 'bad3'; Kind = 'DefenderUnavailable'; Category = 'ResourceUnavailable'; Id = 'DefenderUnavailable' }
            @{ Name = 'bad4'; Kind = 'ProviderFailure'; Category = 'ResourceUnavailable'; Id = 'DefenderProviderFailure' }
            @{ Name = 'slow1'; Kind = 'Timeout'; Category = 'OperationTimeout'; Id = 'OperationTimeout' }
        ) {
            $record = $errors | Where-Object { $_.TargetObject -eq $Name }

            $record.CategoryInfo.Category.ToString() | Should -Be $Category
            $record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        }

        It 'gives 0x800106BA for DefenderUnavailable' {
            $record = $errors | Where-Object { $_.TargetObject -eq 'bad3' }

            $record.Exception.Message | Should -BeLike '*0x800106BA*'
        }

        It 'names the computer in each message' {
            foreach ($record in $errors) {
                $record.Exception.Message | Should -BeLike "*'$($record.TargetObject)'*"
            }
        }

        It 'warns once' {
            @($warnings).Count | Should -Be 1
        }

        It 'counts the failures in the warning' {
            $warnings[0].Message | Should -BeLike '*2 of 7 computers succeeded, 5 failed*'
        }
    }

    Context 'Throttle limit' {
        It 'rejects <Value> at binding' -ForEach @(
            @{ Value = 0 }
            @{ Value = 1001 }
        ) {
            { Get-CloudProtectionState -ComputerName pc1 -ThrottleLimit $Value } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }
    }

    Context 'Progress' {
        BeforeAll {
            [CloudProtection.TestHooks]::UseSimulatedHosts($snapshotPath, 0, $failures)
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                    param($Manifest)
                    Import-Module $Manifest
                    Get-CloudProtectionState -ComputerName pc1, pc2, pc3, pc4, pc5 -ThrottleLimit 1
                }).AddArgument($manifest)
            $output = $shell.Invoke()
            $records = @($shell.Streams.Progress)
            $shell.Dispose()
        }

        It 'returns every state' {
            $output.Count | Should -Be 5
        }

        It 'writes records in progress' {
            @($records | Where-Object { $_.RecordType -eq 'Processing' }).Count | Should -BeGreaterThan 0
        }

        It 'reports the first computer as 20 percent' {
            $records[0].PercentComplete | Should -Be 20
        }

        It 'reports counts in the status' {
            $records[0].StatusDescription | Should -Be '1 of 5 computers done, 0 failed'
        }

        It 'ends with a Completed record' {
            $records[-1].RecordType.ToString() | Should -Be 'Completed'
        }
    }

    Context 'Stopping' {
        It 'stops a long run early' {
            # 200 computers, 2 at a time, 200 ms per simulated call: a full run takes 20 s or more.
            [CloudProtection.TestHooks]::UseSimulatedHosts($snapshotPath, 200, $failures)
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                    param($Manifest)
                    Import-Module $Manifest
                    Get-CloudProtectionState -ComputerName (1..200 | ForEach-Object { "pc$_" }) -ThrottleLimit 2
                }).AddArgument($manifest)
            $inputData = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $inputData.Complete()
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $null = $shell.BeginInvoke($inputData, $output)
            Start-Sleep -Milliseconds 1000
            $shell.Stop()
            $watch.Stop()
            $state = $shell.InvocationStateInfo.State
            $shell.Dispose()

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $state.ToString() | Should -Be 'Stopped'
            $output.Count | Should -BeLessThan 200
        }
    }

    Context 'AsJob' {
        BeforeAll {
            [CloudProtection.TestHooks]::UseSimulatedHosts($snapshotPath, 0, $failures)
            $job = Get-CloudProtectionState -ComputerName pc1, pc2, bad1 -AsJob
            $jobErrors = $null
            $received = $job | Receive-Job -Wait -ErrorVariable jobErrors -ErrorAction SilentlyContinue
        }

        AfterAll {
            $job | Remove-Job -Force
        }

        It 'returns a CloudProtectionJob' {
            $job.PSJobTypeName | Should -Be 'CloudProtectionJob'
        }

        It 'yields the states' {
            @($received.ComputerName | Sort-Object) | Should -Be @('pc1', 'pc2')
        }

        It 'yields CloudProtectionState objects' {
            $received[0] | Should -BeOfType ([CloudProtection.Resolution.CloudProtectionState])
        }

        It 'keeps the failing computer error' {
            @($jobErrors.TargetObject) | Should -Be @('bad1')
        }

        It 'keeps the error id' {
            $jobErrors[0].FullyQualifiedErrorId | Should -BeLike 'ComputerUnreachable*'
        }

        It 'finishes' {
            $job.State.ToString() | Should -BeIn 'Completed', 'Failed'
        }
    }

    Context 'Export' {
        BeforeEach {
            $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory -Path $folder
        }

        It 'writes one file per computer' {
            $files = Export-CloudProtectionSnapshot -ComputerName pc1, pc2 -Path $folder

            @($files.Name | Sort-Object) | Should -Be @('pc1.cloudprotection.json', 'pc2.cloudprotection.json')
        }

        It 'writes nothing with -WhatIf' {
            $files = @(Export-CloudProtectionSnapshot -ComputerName pc1, pc2 -Path $folder -WhatIf)

            $files.Count | Should -Be 0
            @(Get-ChildItem $folder).Count | Should -Be 0
        }

        It 'writes files that read back as <Name>' -ForEach @(
            @{ Name = 'pc1' }
            @{ Name = 'pc2' }
        ) {
            $expected = Get-SettingSummary (Get-CloudProtectionState -SnapshotPath $snapshotPath)
            $null = Export-CloudProtectionSnapshot -ComputerName pc1, pc2 -Path $folder

            $state = Get-CloudProtectionState -SnapshotPath (Join-Path $folder "$Name.cloudprotection.json")

            $state.ComputerName | Should -Be $Name
            Get-SettingSummary $state | Should -Be $expected
        }

        It 'reports an existing file' {
            $null = Export-CloudProtectionSnapshot -ComputerName pc1 -Path $folder

            $files = Export-CloudProtectionSnapshot -ComputerName pc1 -Path $folder -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

            $files | Should -BeNullOrEmpty
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'SnapshotExists*'
        }

        It 'replaces an existing file with -Force' {
            $null = Export-CloudProtectionSnapshot -ComputerName pc1 -Path $folder

            $files = Export-CloudProtectionSnapshot -ComputerName pc1 -Path $folder -Force -ErrorVariable errors

            $errors.Count | Should -Be 0
            @($files.Name) | Should -Be @('pc1.cloudprotection.json')
        }

        It 'stops on a missing folder' {
            { Export-CloudProtectionSnapshot -ComputerName pc1 -Path (Join-Path $folder 'missing') } |
                Should -Throw -ErrorId 'SnapshotFolderNotFound,*'
        }
    }

    Context 'Verbose' {
        It 'writes a message for <Name>' -ForEach @(
            @{ Name = 'pc1' }
            @{ Name = 'pc2' }
        ) {
            $records = Get-CloudProtectionState -ComputerName pc1, pc2 -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            @($records.Message) -like "$Name`:*" | Should -Not -BeNullOrEmpty
        }
    }
}
