# Checks the help that the built module ships: the MAML file that tools/New-MamlHelp.ps1 writes from
# docs/en-US, and the about topic. Also checks that the generator rejects help that drifts from the code.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    $commands = @(Get-Command -Module CloudProtection -CommandType Cmdlet | ForEach-Object {
            @{
                Name        = $_.Name
                IsWrite     = $_.Parameters.ContainsKey('WhatIf')
                Parameters  = @($_.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters } | Sort-Object | ForEach-Object {
                        @{ Parameter = $_ }
                    })
            }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe '<Name> help' -ForEach $commands {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
    }

    It 'comes from the MAML file' {
        # Without a help file, Get-Help builds help from metadata and has no description.
        $help.PSObject.Properties.Name | Should -Contain 'description'
        $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has a written synopsis' {
        $synopsis = $help.Synopsis.Trim()
        $synopsis | Should -Not -BeNullOrEmpty

        # The generated synopsis is the syntax line, which starts with the cmdlet name.
        $synopsis | Should -Not -BeLike "$Name*"
        $synopsis | Should -Match '\.$'
    }

    It 'has a description' {
        ($help.description.Text -join ' ').Trim().Length | Should -BeGreaterThan 100
    }

    It 'has enough examples' {
        $minimum = if ($IsWrite) { 2 } else { 1 }
        @($help.examples.example).Count | Should -BeGreaterOrEqual $minimum
    }

    It 'runs the cmdlet in every example' {
        foreach ($example in $help.examples.example) {
            $example.code | Should -Match ([regex]::Escape($Name)) -Because "example '$($example.title.Trim(' -'))' should show $Name"
        }
    }

    It 'explains every example' {
        foreach ($example in $help.examples.example) {
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "example '$($example.title.Trim(' -'))' needs an explanation"
        }
    }

    It 'lists inputs and outputs' {
        @($help.inputTypes.inputType).Count | Should -BeGreaterThan 0
        @($help.returnValues.returnValue).Count | Should -BeGreaterThan 0
    }

    It 'describes -<Parameter>' -ForEach $Parameters {
        $parameterHelp = Get-Help -Name $Name -Parameter $Parameter
        ($parameterHelp.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_CloudProtection' {
    It 'returns the topic text' {
        $text = Get-Help -Name about_CloudProtection | Out-String
        $text | Should -Match 'about_CloudProtection'
        $text | Should -Match 'LONG DESCRIPTION'
        $text | Should -Match 'LocalSettingOverrideSpynetReporting'
    }
}

Describe 'New-MamlHelp.ps1' {
    BeforeAll {
        $generator = Join-Path $PSScriptRoot '../../tools/New-MamlHelp.ps1'
        $docs = Join-Path $PSScriptRoot '../../docs/en-US'
        $modulePath = Split-Path $script:ModuleManifest -Parent

        # Runs the generator in a child pwsh, because it reimports the module that this session uses,
        # and returns its error message, or '' when it succeeded.
        function Invoke-Generator {
            param([string] $DocsPath)

            # Under 'dotnet tool run pwsh' the process is dotnet, which needs pwsh.dll as its first argument.
            $pwsh = [Environment]::ProcessPath
            [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
            $quote = { param($text) "'" + ($text -replace "'", "''") + "'" }
            $command = "try { & $(& $quote $generator) -DocsPath $(& $quote $DocsPath) -ModulePath $(& $quote $modulePath) " +
                "-OutputPath $(& $quote (Join-Path $TestDrive 'out')); '' } catch { `$_.Exception.Message }"
            $output = & $pwsh @prefix -NoProfile -NonInteractive -Command $command
            return ($output -join "`n")
        }
    }

    Context 'with the shipped help' {
        BeforeAll {
            $message = Invoke-Generator -DocsPath $docs
        }

        It 'succeeds' {
            $message | Should -Be ''
        }

        It 'writes the MAML file and the about topic' {
            Join-Path $TestDrive 'out/CloudProtection.dll-Help.xml' | Should -Exist
            Join-Path $TestDrive 'out/about_CloudProtection.help.txt' | Should -Exist
        }

        It 'uses the standard MAML namespaces' {
            [xml] $maml = Get-Content -Raw (Join-Path $TestDrive 'out/CloudProtection.dll-Help.xml')
            $maml.DocumentElement.NamespaceURI | Should -Be 'http://msh'
            $maml.DocumentElement.schema | Should -Be 'maml'
            $commands = @($maml.DocumentElement.ChildNodes | Where-Object LocalName -eq 'command')
            $commands.Count | Should -Be @(Get-Command -Module CloudProtection -CommandType Cmdlet).Count
            $commands[0].NamespaceURI | Should -Be 'http://schemas.microsoft.com/maml/dev/command/2004/10'
        }
    }

    # One run with several defects, because the generator lists every problem before it throws and
    # each run costs seconds.
    Context 'with help that drifted from the code' {
        BeforeAll {
            $copy = Join-Path $TestDrive 'drifted'
            Copy-Item $docs $copy -Recurse

            Remove-Item (Join-Path $copy 'Reset-CloudProtection.md')

            $file = Join-Path $copy 'Get-CloudProtectionState.md'
            $text = (Get-Content -Raw $file) -replace '(?s)### -ThrottleLimit.*?(?=## INPUTS)', ''
            $text = $text -replace '(### -OperationTimeoutSec\r?\n[^#]*?)(\r?\n### )', "`$1`nDefault value: 30`n`$2"
            Set-Content -Path $file -Value $text -NoNewline

            $file = Join-Path $copy 'Set-CloudProtection.md'
            $text = (Get-Content -Raw $file) -replace '## INPUTS', "### -CloudTimeout`nSeconds.`n`n## INPUTS"
            Set-Content -Path $file -Value $text -NoNewline

            $file = Join-Path $copy 'Export-CloudProtectionSnapshot.md'
            $text = (Get-Content -Raw $file) -replace '(?s)(## EXAMPLES\r?\n).*?(?=## PARAMETERS)', "`$1`n"
            Set-Content -Path $file -Value $text -NoNewline

            $message = Invoke-Generator -DocsPath $copy
        }

        It 'rejects a cmdlet without a file' {
            $message | Should -Match 'Reset-CloudProtection has no help file'
        }

        It 'rejects an undocumented parameter' {
            $message | Should -Match 'does not document the parameter -ThrottleLimit'
        }

        It 'rejects a parameter the cmdlet lacks' {
            $message | Should -Match 'documents -CloudTimeout, which Set-CloudProtection does not have'
        }

        It 'rejects a cmdlet without examples' {
            $message | Should -Match 'Export-CloudProtectionSnapshot.md: no example'
        }

        It 'rejects a default that contradicts the code' {
            $message | Should -Match "-OperationTimeoutSec the default value '30', but the code sets '0'"
        }
    }
}
