#Requires -Version 7.2
<#
.SYNOPSIS
    Builds the MAML help file and the about topics of the CloudProtection module from Markdown.

.DESCRIPTION
    Imports the built module in a child scope, reads the metadata of every exported cmdlet with
    Get-Command (parameter sets, types, mandatory, position, pipeline input, aliases, validation
    values, code defaults and output types), and combines it with the text in <DocsPath>/<Cmdlet>.md
    into <OutputPath>/CloudProtection.dll-Help.xml. Every about_*.md file becomes an about_*.help.txt
    file in the same folder.

    The script throws, listing every problem it found, and writes nothing when the help and the code
    disagree:
      - an exported cmdlet has no Markdown file, or a Verb-Noun.md file names no exported cmdlet;
      - a Markdown file documents a parameter that the cmdlet does not have;
      - a parameter, other than the common parameters, is undocumented or has no description;
      - a cmdlet has no example, or an example has no powershell code block;
      - a required section is missing or empty, or a heading is not one of the known ones;
      - a type from the cmdlet's [OutputType] attribute is not listed under OUTPUTS;
      - a "Default value:" line contradicts the default that the cmdlet's code sets.

    The Markdown structure is described in docs/en-US/README.md.

.PARAMETER DocsPath
    The folder with one <Verb-Noun>.md file per cmdlet and the about_*.md files.

.PARAMETER ModulePath
    The built module folder that contains CloudProtection.psd1.

.PARAMETER OutputPath
    The culture folder to write into, such as out/CloudProtection/en-US. It is created when missing.

.EXAMPLE
    ./tools/New-MamlHelp.ps1 -DocsPath docs/en-US -ModulePath out/CloudProtection -OutputPath out/CloudProtection/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $DocsPath,

    [Parameter(Mandatory)]
    [string] $ModulePath,

    [Parameter(Mandatory)]
    [string] $OutputPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ModuleName = 'CloudProtection'
$MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'
$HelpItemsNamespace = 'http://msh'

# The sections a cmdlet file may have, in the order they must appear; the first six are required.
$CmdletSections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$RequiredSections = 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS'

# Lines of a parameter section that set metadata instead of adding to its description.
$ParameterMetadataPattern = '^(?<key>Default value|Type|Accept wildcard characters):\s*(?<value>.+?)\s*$'

#region Markdown

# Splits lines into sections at headings of the given level, ignoring headings inside fenced blocks.
# Returns the text before the first heading under the key '' and each section under its heading text.
function Split-MarkdownSection {
    param([string[]] $Lines, [int] $Level)

    $marker = ('#' * $Level) + ' '
    $sections = [ordered]@{ '' = [System.Collections.Generic.List[string]]::new() }
    $current = ''
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            $inFence = -not $inFence
        }

        if (-not $inFence -and $line.StartsWith($marker)) {
            $current = $line.Substring($marker.Length).Trim()
            if ($sections.Contains($current)) {
                throw "The heading '$marker$current' appears twice."
            }

            $sections[$current] = [System.Collections.Generic.List[string]]::new()
            continue
        }

        $sections[$current].Add($line)
    }

    return $sections
}

# Converts Markdown lines into blocks, one per MAML paragraph: a paragraph with its lines joined, one
# list item, or a fenced block with its line breaks kept (IsCode). Get-Help trims the leading spaces
# of a paragraph's first line only, so code is not indented here.
function ConvertTo-TextBlock {
    param([string[]] $Lines)

    $blocks = [System.Collections.Generic.List[object]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $fence = $null

    $flush = {
        if ($paragraph.Count -gt 0) {
            $blocks.Add([pscustomobject]@{ IsCode = $false; Text = (ConvertFrom-InlineMarkdown ($paragraph -join ' ')) })
            $paragraph.Clear()
        }
    }

    foreach ($line in $Lines) {
        if ($null -ne $fence) {
            if ($line -match '^\s*```\s*$') {
                $blocks.Add([pscustomobject]@{ IsCode = $true; Text = ($fence -join "`n") })
                $fence = $null
            }
            else {
                $fence.Add($line.TrimEnd())
            }

            continue
        }

        if ($line -match '^\s*```') {
            & $flush
            $fence = [System.Collections.Generic.List[string]]::new()
            continue
        }

        if ($line -match '^\s*$') {
            & $flush
            continue
        }

        if ($line -match '^\s*(?:[-*]|\d+\.)\s+') {
            # A list item starts its own paragraph; indented lines that follow continue it.
            & $flush
            $paragraph.Add(($line.Trim() -replace '^\*\s+', '- '))
            continue
        }

        $paragraph.Add($line.Trim())
    }

    if ($null -ne $fence) {
        throw 'A fenced code block is not closed.'
    }

    & $flush
    return , $blocks.ToArray()
}

# Removes the inline Markdown that plain-text help cannot show: links keep their text, and code
# spans, bold and italic markers are dropped.
function ConvertFrom-InlineMarkdown {
    param([string] $Text)

    $Text = $Text -replace '\[([^\]]+)\]\([^)]*\)', '$1'
    $Text = $Text -replace '`([^`]+)`', '$1'
    $Text = $Text -replace '\*\*([^*]+)\*\*', '$1'
    $Text = $Text -replace '(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])', '$1'
    return $Text.Trim()
}

# Returns the fenced blocks and the text of lines as the first code block and the rest.
function Split-ExampleBody {
    param([string[]] $Lines, [string] $Context)

    $start = -1
    for ($index = 0; $index -lt $Lines.Count; $index++) {
        if ($Lines[$index] -match '^\s*```(?<language>\S*)\s*$') {
            $start = $index
            break
        }
    }

    if ($start -lt 0 -or $Matches['language'] -ne 'powershell') {
        throw "$Context has no ``````powershell code block before its other text."
    }

    $before = @($Lines[0..$start] | Select-Object -SkipLast 1 | Where-Object { $_ -match '\S' })
    if ($before.Count -gt 0) {
        throw "$Context has text before its code block; write the explanation after the code."
    }

    $end = -1
    for ($index = $start + 1; $index -lt $Lines.Count; $index++) {
        if ($Lines[$index] -match '^\s*```\s*$') {
            $end = $index
            break
        }
    }

    if ($end -lt 0) {
        throw "$Context has a code block that is not closed."
    }

    $code = if ($end -gt $start + 1) { ($Lines[($start + 1)..($end - 1)] | ForEach-Object { $_.TrimEnd() }) -join "`n" } else { '' }
    $rest = if ($end + 1 -lt $Lines.Count) { [string[]] $Lines[($end + 1)..($Lines.Count - 1)] } else { [string[]] @() }
    return [pscustomobject]@{ Code = $code.Trim("`n"); Remarks = (ConvertTo-TextBlock $rest) }
}

# Parses one cmdlet file into its sections; problems go into $Problems so that every file is checked.
function Read-CmdletMarkdown {
    param([string] $Path, [string] $CommandName, [System.Collections.Generic.List[string]] $Problems)

    $lines = [string[]] (Get-Content -LiteralPath $Path -Encoding utf8)
    $fileName = Split-Path $Path -Leaf
    $top = Split-MarkdownSection -Lines $lines -Level 1
    if (-not $top.Contains($CommandName)) {
        $Problems.Add("${fileName}: the title must be '# $CommandName'.")
        return $null
    }

    $sections = Split-MarkdownSection -Lines $top[$CommandName] -Level 2
    $previous = -1
    foreach ($name in @($sections.Keys | Where-Object { $_ -ne '' })) {
        $position = [array]::IndexOf([string[]] $CmdletSections, $name)
        if ($position -lt 0) {
            $Problems.Add("${fileName}: unknown section '## $name'. Valid sections: $($CmdletSections -join ', ').")
        }
        elseif ($position -lt $previous) {
            $Problems.Add("${fileName}: '## $name' is out of order. The order is: $($CmdletSections -join ', ').")
        }
        else {
            $previous = $position
        }
    }

    foreach ($name in $RequiredSections) {
        if (-not $sections.Contains($name) -or -not ($sections[$name] -match '\S')) {
            $Problems.Add("${fileName}: the section '## $name' is missing or empty.")
        }
    }

    $help = [ordered]@{
        Name        = $CommandName
        Synopsis    = ''
        Description = @()
        Examples    = [System.Collections.Generic.List[object]]::new()
        Parameters  = [ordered]@{}
        Inputs      = [System.Collections.Generic.List[object]]::new()
        Outputs     = [System.Collections.Generic.List[object]]::new()
        Notes       = @()
        Links       = [System.Collections.Generic.List[object]]::new()
    }

    if ($sections.Contains('SYNOPSIS')) {
        $help.Synopsis = (ConvertTo-TextBlock $sections['SYNOPSIS']).Text -join ' '
    }

    if ($sections.Contains('DESCRIPTION')) {
        $help.Description = ConvertTo-TextBlock $sections['DESCRIPTION']
    }

    if ($sections.Contains('NOTES')) {
        $help.Notes = ConvertTo-TextBlock $sections['NOTES']
    }

    if ($sections.Contains('EXAMPLES')) {
        $examples = Split-MarkdownSection -Lines $sections['EXAMPLES'] -Level 3
        $number = 0
        foreach ($title in @($examples.Keys | Where-Object { $_ -ne '' })) {
            $number++
            if ($title -notmatch "^Example $number\s*:\s*(?<text>\S.*)$") {
                $Problems.Add("${fileName}: example heading '### $title' must read '### Example ${number}: <title>'.")
                continue
            }

            $text = $Matches['text']
            try {
                $body = Split-ExampleBody -Lines $examples[$title] -Context "${fileName}, example $number"
            }
            catch {
                $Problems.Add($_.Exception.Message)
                continue
            }

            if ($body.Code -notmatch '\S') {
                $Problems.Add("${fileName}, example ${number}: the code block is empty.")
            }

            $help.Examples.Add([pscustomobject]@{ Title = "Example ${number}: $text"; Code = $body.Code; Remarks = $body.Remarks })
        }

        if ($number -eq 0) {
            $Problems.Add("${fileName}: no example. Add '### Example 1: <title>' with a powershell code block under '## EXAMPLES'.")
        }
    }

    if ($sections.Contains('PARAMETERS')) {
        $parameters = Split-MarkdownSection -Lines $sections['PARAMETERS'] -Level 3
        foreach ($heading in @($parameters.Keys | Where-Object { $_ -ne '' })) {
            if ($heading -notmatch '^-(?<name>\w+)$') {
                $Problems.Add("${fileName}: parameter heading '### $heading' must read '### -<ParameterName>'.")
                continue
            }

            $name = $Matches['name']
            $parameter = [ordered]@{ Description = @(); DefaultValue = $null; TypeName = $null; Globbing = $null }
            $text = [System.Collections.Generic.List[string]]::new()
            foreach ($line in $parameters[$heading]) {
                if ($line -match $ParameterMetadataPattern) {
                    switch ($Matches['key']) {
                        'Default value' { $parameter.DefaultValue = $Matches['value'] }
                        'Type' { $parameter.TypeName = $Matches['value'] }
                        'Accept wildcard characters' { $parameter.Globbing = $Matches['value'] -eq 'True' }
                    }
                }
                else {
                    $text.Add($line)
                }
            }

            $parameter.Description = ConvertTo-TextBlock $text
            if ($parameter.Description.Count -eq 0) {
                $Problems.Add("${fileName}: the parameter -$name has no description.")
            }

            $help.Parameters[$name] = $parameter
        }
    }

    foreach ($kind in 'INPUTS', 'OUTPUTS') {
        if (-not $sections.Contains($kind)) {
            continue
        }

        $types = Split-MarkdownSection -Lines $sections[$kind] -Level 3
        if ($types[''] -match '\S') {
            $Problems.Add("${fileName}: '## $kind' must list each type under its own '### <TypeName>' heading, or '### None'.")
        }

        foreach ($typeName in @($types.Keys | Where-Object { $_ -ne '' })) {
            $entry = [pscustomobject]@{ TypeName = $typeName; Description = (ConvertTo-TextBlock $types[$typeName]) }
            if ($kind -eq 'INPUTS') { $help.Inputs.Add($entry) } else { $help.Outputs.Add($entry) }
        }
    }

    if ($sections.Contains('RELATED LINKS')) {
        foreach ($line in $sections['RELATED LINKS'] | Where-Object { $_ -match '\S' }) {
            if ($line -match '^\s*[-*]\s+\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)\s*$') {
                # Only web addresses become a URI: Get-Help -Online opens the first one.
                $uri = if ($Matches['uri'] -match '^https?://') { $Matches['uri'] } else { '' }
                $help.Links.Add([pscustomobject]@{ Text = $Matches['text']; Uri = $uri })
            }
            elseif ($line -match '^\s*[-*]\s+(?<text>\S.*)$') {
                $help.Links.Add([pscustomobject]@{ Text = $Matches['text'].Trim(); Uri = '' })
            }
            else {
                $Problems.Add("${fileName}: each related link must be a list item, '- [Text](address)' or '- Text'.")
            }
        }
    }

    return [pscustomobject] $help
}

#endregion

#region Command metadata

# Returns the name Get-Help shows for a type: the short name, without Nullable.
function Get-TypeDisplayName {
    param([type] $Type)

    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) {
        $Type = $underlying
    }

    return $Type.Name
}

# Returns the values a parameter accepts when they form a closed list: a ValidateSet or an enum.
function Get-ParameterValueList {
    param([System.Management.Automation.ParameterMetadata] $Parameter)

    $validateSet = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($validateSet) {
        return [string[]] $validateSet.ValidValues
    }

    $type = $Parameter.ParameterType
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) {
        $type = $underlying
    }

    if ($type.IsEnum) {
        return [string[]] [Enum]::GetNames($type)
    }

    return [string[]] @()
}

# Returns the pipeline text Get-Help shows, such as "True (ByValue, ByPropertyName)".
function Get-PipelineInputText {
    param([bool] $ByValue, [bool] $ByPropertyName)

    $kinds = @()
    if ($ByValue) { $kinds += 'ByValue' }
    if ($ByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds.Count -eq 0) {
        return 'False'
    }

    return "True ($($kinds -join ', '))"
}

# Returns the default each public parameter property has on a new instance of the cmdlet class, as
# text, for the properties whose default is a value and not null or an unset switch.
function Get-CodeDefault {
    param([System.Management.Automation.CmdletInfo] $Command)

    $defaults = @{}
    $instance = [Activator]::CreateInstance($Command.ImplementingType)
    foreach ($name in $Command.Parameters.Keys) {
        $property = $Command.ImplementingType.GetProperty($name)
        if ($null -eq $property -or $property.PropertyType -eq [System.Management.Automation.SwitchParameter]) {
            continue
        }

        $value = $property.GetValue($instance)
        if ($null -ne $value) {
            $defaults[$name] = [string] $value
        }
    }

    return $defaults
}

#endregion

#region MAML

function Write-Paragraph {
    param([System.Xml.XmlWriter] $Writer, [object[]] $Blocks)

    foreach ($block in $Blocks) {
        $Writer.WriteElementString('maml', 'para', $MamlNamespace, $block.Text)
    }
}

function Write-Description {
    param([System.Xml.XmlWriter] $Writer, [object[]] $Blocks)

    $Writer.WriteStartElement('maml', 'description', $MamlNamespace)
    Write-Paragraph $Writer $Blocks
    $Writer.WriteEndElement()
}

# Writes one command:parameter element. $Usage carries what differs between parameter sets.
function Write-Parameter {
    param(
        [System.Xml.XmlWriter] $Writer,
        [System.Management.Automation.ParameterMetadata] $Metadata,
        [System.Collections.IDictionary] $Doc,
        [pscustomobject] $Usage,
        [string] $DefaultValue,
        [switch] $InSyntax
    )

    $isSwitch = $Metadata.SwitchParameter
    $typeName = if ($Doc.TypeName) { $Doc.TypeName } else { Get-TypeDisplayName $Metadata.ParameterType }
    $globbing = if ($null -ne $Doc.Globbing) { $Doc.Globbing } else { [bool] ($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) }
    $isArray = $Metadata.ParameterType.IsArray

    $Writer.WriteStartElement('command', 'parameter', $CommandNamespace)
    $Writer.WriteAttributeString('required', $Usage.Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $isArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Usage.PipelineInput)
    $Writer.WriteAttributeString('position', $Usage.Position)
    $Writer.WriteAttributeString('aliases', $(if ($Metadata.Aliases.Count -gt 0) { $Metadata.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $MamlNamespace, $Metadata.Name)
    Write-Description $Writer $Doc.Description

    $values = @(Get-ParameterValueList $Metadata)
    if ($InSyntax -and $values.Count -gt 0) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $CommandNamespace)
        foreach ($value in $values) {
            $Writer.WriteStartElement('command', 'parameterValue', $CommandNamespace)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $CommandNamespace, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }

        $Writer.WriteEndElement()
    }

    # Get-Help shows a switch in the syntax without a value, and as [<SwitchParameter>] under PARAMETERS.
    if (-not ($InSyntax -and $isSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $CommandNamespace)
        $Writer.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', $isArray.ToString().ToLowerInvariant())
        $Writer.WriteString($typeName)
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('dev', 'type', $DevNamespace)
    $Writer.WriteElementString('maml', 'name', $MamlNamespace, $typeName)
    $Writer.WriteElementString('maml', 'uri', $MamlNamespace, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $DevNamespace, $DefaultValue)
    $Writer.WriteEndElement()
}

# Returns how a parameter is used in one parameter set, or merged over all its sets for PARAMETERS.
function Get-ParameterUsage {
    param([System.Management.Automation.ParameterMetadata] $Metadata, [string] $SetName)

    $sets = if ($SetName) {
        $set = if ($Metadata.ParameterSets.ContainsKey($SetName)) { $Metadata.ParameterSets[$SetName] } else { $Metadata.ParameterSets['__AllParameterSets'] }
        @($set)
    }
    else {
        @($Metadata.ParameterSets.Values)
    }

    $positions = @($sets | ForEach-Object { $_.Position } | Where-Object { $_ -ge 0 } | Sort-Object -Unique)
    return [pscustomobject]@{
        # Under PARAMETERS, a parameter is required only when every set that has it requires it.
        Required      = -not ($sets | Where-Object { -not $_.IsMandatory })
        Position      = if ($positions.Count -eq 1) { [string] $positions[0] } else { 'named' }
        PipelineInput = Get-PipelineInputText -ByValue ([bool] ($sets | Where-Object ValueFromPipeline)) -ByPropertyName ([bool] ($sets | Where-Object ValueFromPipelineByPropertyName))
    }
}

function Write-CommandHelp {
    param(
        [System.Xml.XmlWriter] $Writer,
        [System.Management.Automation.CmdletInfo] $Command,
        [pscustomobject] $Help,
        [string[]] $DocumentedParameters,
        [hashtable] $Defaults
    )

    $Writer.WriteStartElement('command', 'command', $CommandNamespace)

    $Writer.WriteStartElement('command', 'details', $CommandNamespace)
    $Writer.WriteElementString('command', 'name', $CommandNamespace, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $CommandNamespace, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $CommandNamespace, $Command.Noun)
    Write-Description $Writer @([pscustomobject]@{ IsCode = $false; Text = $Help.Synopsis })
    $Writer.WriteEndElement()

    Write-Description $Writer $Help.Description

    # One syntax item per parameter set, the default set first. Positional parameters lead, then
    # mandatory ones, then the rest in the order the cmdlet class declares them.
    $Writer.WriteStartElement('command', 'syntax', $CommandNamespace)
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $CommandNamespace)
        $Writer.WriteElementString('maml', 'name', $MamlNamespace, $Command.Name)
        $names = @($set.Parameters | Where-Object { $_.Name -in $DocumentedParameters } | Sort-Object `
            @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } },
            @{ Expression = { -not $_.IsMandatory } },
            @{ Expression = { $set.Parameters.IndexOf($_) } } | ForEach-Object Name)
        foreach ($name in $names) {
            $metadata = $Command.Parameters[$name]
            Write-Parameter $Writer $metadata $Help.Parameters[$name] (Get-ParameterUsage $metadata $set.Name) (Get-DefaultText $name $Help $Defaults) -InSyntax
        }

        $Writer.WriteEndElement()
    }

    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $CommandNamespace)
    foreach ($name in $DocumentedParameters) {
        $metadata = $Command.Parameters[$name]
        Write-Parameter $Writer $metadata $Help.Parameters[$name] (Get-ParameterUsage $metadata $null) (Get-DefaultText $name $Help $Defaults)
    }

    $Writer.WriteEndElement()

    foreach ($kind in @(
            @{ List = 'inputTypes'; Item = 'inputType'; Entries = $Help.Inputs },
            @{ List = 'returnValues'; Item = 'returnValue'; Entries = $Help.Outputs })) {
        $Writer.WriteStartElement('command', $kind.List, $CommandNamespace)
        foreach ($entry in $kind.Entries) {
            $Writer.WriteStartElement('command', $kind.Item, $CommandNamespace)
            $Writer.WriteStartElement('dev', 'type', $DevNamespace)
            $Writer.WriteElementString('maml', 'name', $MamlNamespace, $entry.TypeName)
            $Writer.WriteEndElement()
            Write-Description $Writer $entry.Description
            $Writer.WriteEndElement()
        }

        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $MamlNamespace)
    $Writer.WriteStartElement('maml', 'alert', $MamlNamespace)
    Write-Paragraph $Writer $Help.Notes
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $CommandNamespace)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $CommandNamespace)
        # Dashes frame the title as in Microsoft's help, but no more than an 80-column console can show on one line.
        $dashes = '-' * [Math]::Max(2, [Math]::Min(10, [Math]::Floor((74 - $example.Title.Length) / 2)))
        $Writer.WriteElementString('maml', 'title', $MamlNamespace, "$dashes $($example.Title) $dashes")
        $Writer.WriteElementString('dev', 'code', $DevNamespace, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $DevNamespace)
        Write-Paragraph $Writer $example.Remarks

        # An empty paragraph puts a blank line between this example and the next title.
        $Writer.WriteElementString('maml', 'para', $MamlNamespace, '')
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $CommandNamespace)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $MamlNamespace)
        $Writer.WriteElementString('maml', 'linkText', $MamlNamespace, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $MamlNamespace, $link.Uri)
        $Writer.WriteEndElement()
    }

    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function Get-DefaultText {
    param([string] $Name, [pscustomobject] $Help, [hashtable] $Defaults)

    if ($Help.Parameters[$Name].DefaultValue) {
        return $Help.Parameters[$Name].DefaultValue
    }

    if ($Defaults.ContainsKey($Name)) {
        return $Defaults[$Name]
    }

    return 'None'
}

#endregion

#region about topics

# Wraps text at $Width columns, indenting the first line by $Indent and the others by $HangingIndent.
function Format-WrappedText {
    param([string] $Text, [int] $Indent, [int] $HangingIndent = $Indent, [int] $Width = 80)

    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ' ' * $Indent
    $empty = $true
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if (-not $empty -and $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($line)
            $line = ' ' * $HangingIndent
            $empty = $true
        }

        $line += $(if ($empty) { $word } else { " $word" })
        $empty = $false
    }

    if (-not $empty) {
        $lines.Add($line)
    }

    return $lines
}

# Converts an about_*.md file: '# about_Name' is the topic, '## Heading' becomes an upper-case heading,
# '### Heading' an indented one, text is wrapped at 80 columns, and code blocks keep their lines.
function ConvertTo-AboutText {
    param([string] $Path)

    $topic = [IO.Path]::GetFileNameWithoutExtension($Path)
    $lines = [string[]] (Get-Content -LiteralPath $Path -Encoding utf8)
    $top = Split-MarkdownSection -Lines $lines -Level 1
    if (-not $top.Contains($topic)) {
        throw "$(Split-Path $Path -Leaf): the title must be '# $topic'."
    }

    $output = [System.Collections.Generic.List[string]]::new()
    $output.Add('TOPIC')
    $output.Add("    $topic")

    $sections = Split-MarkdownSection -Lines $top[$topic] -Level 2
    if (-not $sections.Contains('Short description') -or -not $sections.Contains('Long description')) {
        throw "$(Split-Path $Path -Leaf): an about topic needs the sections '## Short description' and '## Long description'."
    }

    foreach ($heading in @($sections.Keys | Where-Object { $_ -ne '' })) {
        $output.Add('')
        $output.Add($heading.ToUpperInvariant())
        $subsections = Split-MarkdownSection -Lines $sections[$heading] -Level 3
        foreach ($subheading in $subsections.Keys) {
            if ($subheading) {
                $output.Add('')
                $output.Add("  $($subheading.ToUpperInvariant())")
            }

            $first = $true
            $previousIsItem = $false
            $blocks = ConvertTo-TextBlock $subsections[$subheading]
            foreach ($block in $blocks) {
                # Items of one list stay together; every other block is set off by a blank line.
                $isItem = -not $block.IsCode -and $block.Text -match '^(- |\d+\. )'
                if (($subheading -or -not $first) -and -not ($isItem -and $previousIsItem)) {
                    $output.Add('')
                }

                $first = $false
                $previousIsItem = $isItem
                if ($block.IsCode) {
                    $block.Text -split "`n" | ForEach-Object { $output.Add($(if ($_) { "        $_" } else { '' })) }
                }
                elseif ($block.Text -match '^(?<marker>- |\d+\. )') {
                    Format-WrappedText $block.Text -Indent 4 -HangingIndent (4 + $Matches['marker'].Length) | ForEach-Object { $output.Add($_) }
                }
                else {
                    Format-WrappedText $block.Text -Indent 4 | ForEach-Object { $output.Add($_) }
                }
            }
        }
    }

    return ($output -join "`n") + "`n"
}

#endregion

$DocsPath = (Resolve-Path -LiteralPath $DocsPath).ProviderPath
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$manifest = Join-Path $ModulePath "$ModuleName.psd1"
if (-not (Test-Path -LiteralPath $manifest)) {
    throw "The module manifest '$manifest' was not found. Build the module first: ./build.ps1 -Task Build."
}

$problems = [System.Collections.Generic.List[string]]::new()
$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

# A child scope, so the imported module goes away with it. A session that had the module loaded
# before keeps it, reloaded from the built folder.
$loadedBefore = [bool] (Get-Module $ModuleName)
$commandHelp = & {
    $module = Import-Module $manifest -Force -PassThru -Scope Local
    try {
        $commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
        $cmdletFiles = @(Get-ChildItem -LiteralPath $DocsPath -Filter '*-*.md' -File)
        foreach ($file in $cmdletFiles) {
            if ($file.BaseName -notin $commands.Name) {
                $problems.Add("$($file.Name) documents '$($file.BaseName)', which the module does not export. Rename or remove the file.")
            }
        }

        foreach ($command in $commands) {
            $path = Join-Path $DocsPath "$($command.Name).md"
            if (-not (Test-Path -LiteralPath $path)) {
                $problems.Add("$($command.Name) has no help file. Write $path.")
                continue
            }

            try {
                $help = Read-CmdletMarkdown -Path $path -CommandName $command.Name -Problems $problems
            }
            catch {
                $problems.Add("$($command.Name).md: $($_.Exception.Message)")
                continue
            }

            if ($null -eq $help) {
                continue
            }

            $actual = @($command.Parameters.Keys | Where-Object { $_ -notin $commonParameters })
            foreach ($name in $help.Parameters.Keys) {
                if ($name -notin $actual) {
                    $problems.Add("$($command.Name).md documents -$name, which $($command.Name) does not have.")
                }
            }

            foreach ($name in $actual) {
                if (-not $help.Parameters.Contains($name)) {
                    $problems.Add("$($command.Name).md does not document the parameter -$name. Add '### -$name' under '## PARAMETERS'.")
                }
            }

            foreach ($outputType in $command.OutputType) {
                if ($outputType.Name -notin $help.Outputs.TypeName) {
                    $problems.Add("$($command.Name).md does not list the output type $($outputType.Name) under '## OUTPUTS'; the cmdlet declares it with [OutputType].")
                }
            }

            $defaults = Get-CodeDefault $command
            foreach ($name in $help.Parameters.Keys) {
                $documented = $help.Parameters[$name].DefaultValue
                if ($documented -and $defaults.ContainsKey($name) -and $documented -ne $defaults[$name]) {
                    $problems.Add("$($command.Name).md gives -$name the default value '$documented', but the code sets '$($defaults[$name])'.")
                }
            }

            # Markdown order, restricted to parameters that exist, so the problems above are reported and not thrown here.
            [pscustomobject]@{
                Command    = $command
                Help       = $help
                Parameters = [string[]] @($help.Parameters.Keys | Where-Object { $_ -in $actual })
                Defaults   = $defaults
            }
        }
    }
    finally {
        if (-not $loadedBefore) {
            Remove-Module $module -Force
        }
    }
}

if ($problems.Count -gt 0) {
    throw "The help in '$DocsPath' does not match the module:`n  - " + ($problems -join "`n  - ")
}

New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
$OutputPath = (Resolve-Path -LiteralPath $OutputPath).ProviderPath
$mamlPath = Join-Path $OutputPath "$ModuleName.dll-Help.xml"

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.NewLineChars = "`n"
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$writer = [System.Xml.XmlWriter]::Create($mamlPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $HelpItemsNamespace)
    $writer.WriteAttributeString('schema', 'maml')
    $writer.WriteAttributeString('xmlns', 'maml', $null, $MamlNamespace)
    $writer.WriteAttributeString('xmlns', 'command', $null, $CommandNamespace)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $DevNamespace)
    foreach ($entry in $commandHelp) {
        Write-CommandHelp -Writer $writer -Command $entry.Command -Help $entry.Help -DocumentedParameters $entry.Parameters -Defaults $entry.Defaults
    }

    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

Write-Verbose "Wrote $mamlPath with $(@($commandHelp).Count) commands."

foreach ($about in Get-ChildItem -LiteralPath $DocsPath -Filter 'about_*.md' -File) {
    $target = Join-Path $OutputPath "$($about.BaseName).help.txt"
    [IO.File]::WriteAllText($target, (ConvertTo-AboutText $about.FullName), [System.Text.UTF8Encoding]::new($false))
    Write-Verbose "Wrote $target."
}
