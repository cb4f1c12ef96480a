<#
  Make the kiosk the shell of the local "kiosk" account with Shell Launcher (WMI class
  WESL_UserSetting), or take it back. Run as an administrator; the Inno Setup installer
  (kiosk.iss) runs it with -Apply when its "Shell Launcher" task is chosen, and with
  -Remove on uninstall. Windows 10/11 Enterprise, Education or IoT Enterprise only.

    shell-launcher.ps1 -Apply  [-Account kiosk] [-AppDir "C:\Program Files\service-hall-kiosk"]
    shell-launcher.ps1 -Remove [-Account kiosk]

  Exit codes: 0 done, 2 the account does not exist, 3 Shell Launcher is not available
  on this edition. The MDM way, with the same settings, is shell-launcher.xml.
  NOT RUN HERE: written and reviewed on Linux; no Windows machine was available.
#>
param(
    [switch]$Apply,
    [switch]$Remove,
    [string]$Account = "kiosk",
    [string]$AppDir = "$env:ProgramFiles\service-hall-kiosk"
)
$ErrorActionPreference = "Stop"

try {
    $sid = (New-Object System.Security.Principal.NTAccount($Account)).Translate(
        [System.Security.Principal.SecurityIdentifier]).Value
} catch {
    Write-Warning "No local account '$Account': create it first (windows\README.md, step 2)."
    exit 2
}

if ($Apply) {
    $feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -ErrorAction SilentlyContinue
    if ($null -eq $feature) {
        Write-Warning "Shell Launcher is not available on this edition of Windows."
        exit 3
    }
    if ($feature.State -ne "Enabled") {
        Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null
    }
}

$launcher = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"
if ($Apply) {
    $kiosk = "`"$AppDir\service-hall-kiosk.exe`" --config `"$env:ProgramData\service-hall-kiosk\kiosk.toml`""
    $launcher.SetDefaultShell("explorer.exe", 0) | Out-Null
    try { $launcher.RemoveCustomShell($sid) | Out-Null } catch { }  # a previous version's
    # exit 0 (Exit in the staff panel): do nothing (3); anything else: restart the shell (0)
    $launcher.SetCustomShell($sid, $kiosk, @(0), @(3), 0) | Out-Null
    $launcher.SetEnabled($true) | Out-Null
    Write-Output "Shell Launcher: the kiosk is the shell of '$Account' from its next sign-in."
} elseif ($Remove) {
    try { $launcher.RemoveCustomShell($sid) | Out-Null } catch { }
    Write-Output "Shell Launcher: '$Account' gets the default shell again."
}
exit 0
