# Adds or removes one folder in the machine PATH; run by the NSIS installer (installer.nsh) as administrator.
# The registry API, not [Environment]::SetEnvironmentVariable: that one rewrites Path as REG_SZ, which stops
# %SystemRoot%-style entries from expanding. Entries are compared case-insensitively, without a trailing "\".
param(
  [Parameter(Mandatory = $true)][ValidateSet('Add', 'Remove')][string]$Action,
  [Parameter(Mandatory = $true)][string]$Dir
)
$ErrorActionPreference = 'Stop'
$key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey(
  'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', $true)
$current = [string]$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
$wanted = $Dir.TrimEnd('\')
$entries = @($current -split ';' | Where-Object { $_ -ne '' -and $_.TrimEnd('\') -ine $wanted })
if ($Action -eq 'Add') { $entries += $wanted }
$updated = $entries -join ';'
if ($updated -ne $current) {
  $key.SetValue('Path', $updated, [Microsoft.Win32.RegistryValueKind]::ExpandString)
}
$key.Close()
