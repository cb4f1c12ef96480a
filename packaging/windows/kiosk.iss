; Inno Setup 6 script: Service Hall Kiosk, installed per machine.
;
;   python packaging\build.py                                   (the bundle, smoke-tested)
;   iscc /DAppVersion=0.1.0 packaging\windows\kiosk.iss         (-> dist\service-hall-kiosk-0.1.0-setup.exe)
;
; Installs dist\service-hall-kiosk\ to C:\Program Files\service-hall-kiosk (read-only for
; the kiosk account), the settings to C:\ProgramData\service-hall-kiosk\kiosk.toml (kept
; on uninstall), THIRD-PARTY-NOTICES and the SBOM beside the program, and, as an optional
; task, makes the kiosk the Shell Launcher shell of the local "kiosk" account
; (shell-launcher.ps1, the same settings as shell-launcher.xml). Uninstalling removes the
; program and the Shell Launcher entry; the kiosk account's data folder
; (%LOCALAPPDATA%\service-hall-kiosk\data: the outbox, logs) and the settings stay.
;
; NOT BUILT HERE: written on Linux, where there is no Inno Setup; .github/workflows/bundles.yml
; builds it on a Windows runner.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Service Hall Kiosk"
#define AppExe "service-hall-kiosk.exe"
#define Root "..\.."

[Setup]
AppId={{3C7A9E52-5D1B-4F0A-9B8E-2E6C1F4D7A31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Service Hall Kiosk
DefaultDirName={autopf}\service-hall-kiosk
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=service-hall-kiosk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile={#Root}\dist\service-hall-kiosk\THIRD-PARTY-NOTICES.txt
; a running kiosk holds its files: close it (Restart Manager) and start nothing after
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "shelllauncher"; Description: "Make the kiosk the shell of the local 'kiosk' account (Shell Launcher; Enterprise/Education/IoT editions)"; Flags: unchecked

[Dirs]
; settings: administrators write, everyone reads; kept on uninstall
Name: "{commonappdata}\service-hall-kiosk"; Permissions: users-readexec; Flags: uninsneveruninstall

[Files]
Source: "{#Root}\dist\service-hall-kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\dist\service-hall-kiosk.cdx.json"; DestDir: "{app}"; Flags: ignoreversion skipifsourcedoesntexist
Source: "shell-launcher.xml"; DestDir: "{app}\windows"; Flags: ignoreversion
Source: "shell-launcher.ps1"; DestDir: "{app}\windows"; Flags: ignoreversion
Source: "README.md"; DestDir: "{app}\windows"; Flags: ignoreversion
Source: "{#Root}\packaging\deb\kiosk.toml"; DestDir: "{commonappdata}\service-hall-kiosk"; Flags: onlyifdoesntexist uninsneveruninstall

[Run]
Filename: "powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\windows\shell-launcher.ps1"" -Apply -AppDir ""{app}"""; StatusMsg: "Shell Launcher..."; Flags: runhidden waituntilterminated; Tasks: shelllauncher

[UninstallRun]
Filename: "powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\windows\shell-launcher.ps1"" -Remove"; RunOnceId: "RemoveShellLauncher"; Flags: runhidden waituntilterminated

[UninstallDelete]
; what the program itself may leave in its folder (never the data folder)
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
