BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Test-CloudProtection' {
    Context 'without expected values' {
        It 'returns true where cloud protection works' {
            Test-CloudProtection -SnapshotPath (Join-Path $ExamplesPath 'gpo-overrides-local.cloudprotection.json') | Should -BeTrue
        }

        It 'returns false where MAPS is off' {
            Test-CloudProtection -SnapshotPath (Join-Path $ExamplesPath 'local-override.cloudprotection.json') | Should -BeFalse
        }

        It 'reports passive mode as not applicable' {
            $result = Test-CloudProtection -SnapshotPath (Join-Path $ExamplesPath 'passive-mode.cloudprotection.json') -Detailed

            $result.Status.ToString() | Should -Be 'NotApplicable'
            $result.Reasons[0] | Should -BeLike '*Passive*'
        }

        It 'returns one bool per snapshot' {
            $results = @(Get-ChildItem $ExamplesPath -Filter *.cloudprotection.json | Test-CloudProtection)

            $results.Count | Should -Be @(Get-ChildItem $ExamplesPath -Filter *.cloudprotection.json).Count
            $results | ForEach-Object { $_ | Should -BeOfType [bool] }
        }
    }

    Context 'with expected values' {
        It 'names the GPO that owns a difference' {
            $result = Test-CloudProtection -SnapshotPath (Join-Path $ExamplesPath 'gpo-overrides-local.cloudprotection.json') -MAPSReporting Disabled -Detailed

            $result.Status.ToString() | Should -Be 'NonCompliant'
            $result.Settings[0].Reason.ToString() | Should -Be 'ManagedByGroupPolicy'
            $result.Reasons[0] | Should -BeLike '*Contoso - Defender Cloud Baseline*'
        }

        It 'marks a local difference as fixable' {
            $result = Test-CloudProtection -SnapshotPath (Join-Path $ExamplesPath 'local-only.cloudprotection.json') -SubmitSamplesConsent SendAllSamples -Detailed

            $result.Settings[0].Reason.ToString() | Should -Be 'Different'
        }

        It 'is compliant after Enable-CloudProtection on a copy' {
            $copy = Copy-ExampleSnapshot 'local-only'
            Test-CloudProtection -SnapshotPath $copy -SubmitSamplesConsent SendAllSamples | Should -BeFalse

            Enable-CloudProtection -SnapshotPath $copy -Confirm:$false

            Test-CloudProtection -SnapshotPath $copy -SubmitSamplesConsent SendAllSamples | Should -BeTrue
        }

        It 'rejects an abbreviated enum name' {
            { Test-CloudProtection -SnapshotPath (Join-Path $ExamplesPath 'local-only.cloudprotection.json') -SubmitSamplesConsent Always } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,CloudProtection.Commands.TestCloudProtectionCommand'
        }
    }

    Context 'errors' {
        It 'reports a missing snapshot and goes on' {
            $missing = Join-Path $TestDrive 'missing.json'

            $results = @(Test-CloudProtection -SnapshotPath $missing, (Join-Path $ExamplesPath 'local-only.cloudprotection.json') -ErrorVariable failures -ErrorAction SilentlyContinue)

            $results.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
            $failures[0].TargetObject | Should -Be $missing
        }

        It 'reports Defender missing on a simulated computer as not applicable with -Detailed' {
            try {
                [CloudProtection.TestHooks]::UseSimulatedHosts((Join-Path $ExamplesPath 'local-only.cloudprotection.json'), 0, @{ 'pc2' = 'DefenderUnavailable' })

                $results = @(Test-CloudProtection -ComputerName pc1, pc2 -Detailed | Sort-Object ComputerName)

                $results.Count | Should -Be 2
                $results[0].Status.ToString() | Should -Be 'Compliant'
                $results[1].Status.ToString() | Should -Be 'NotApplicable'
            }
            finally {
                [CloudProtection.TestHooks]::Reset()
            }
        }

        It 'writes an error for Defender missing without -Detailed' {
            try {
                [CloudProtection.TestHooks]::UseSimulatedHosts((Join-Path $ExamplesPath 'local-only.cloudprotection.json'), 0, @{ 'pc2' = 'DefenderUnavailable' })

                $results = @(Test-CloudProtection -ComputerName pc1, pc2 -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

                $results.Count | Should -Be 1
                $failures[0].FullyQualifiedErrorId | Should -BeLike 'DefenderUnavailable,*'
                $failures[0].TargetObject | Should -Be 'pc2'
            }
            finally {
                [CloudProtection.TestHooks]::Reset()
            }
        }
    }
}
