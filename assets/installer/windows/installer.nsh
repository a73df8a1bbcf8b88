; LUN Studio's additions to electron-builder's NSIS installer (electron-builder.yml nsis.include).
;
; The `lun-studio` command on PATH, optional: win.extraFiles puts bin\lun-studio.cmd next to the app; this adds
; $INSTDIR\bin (only the shim, not the app folder with its DLLs) to the machine PATH (the installer is
; per-machine). A page after the folder choice has the checkbox; a silent install takes /PATH=0 or /PATH=1; a
; reinstall or update keeps the earlier choice (HKLM "Software\LUN Studio" AddToPath). The uninstaller removes
; the entry, except on an update (the new version's installer decides).
; The edit runs in PowerShell (path-entry.ps1) over the registry API: NSIS strings stop at NSIS_MAX_STRLEN
; (1024) and would truncate a long PATH; the value keeps its REG_EXPAND_SZ type. WM_SETTINGCHANGE tells
; Explorer, so new prompts see the change without a sign-out.

!include LogicLib.nsh
!include FileFunc.nsh
!include WinMessages.nsh
!include nsDialogs.nsh

!define LUN_STUDIO_BIN_DIR "$INSTDIR\bin"
!define LUN_STUDIO_PATH_SCRIPT "$INSTDIR\resources\installer\path-entry.ps1"
!define LUN_STUDIO_REG_KEY "Software\LUN Studio"

!macro lunStudioPathEntry ACTION
  DetailPrint "lun-studio command: ${ACTION} ${LUN_STUDIO_BIN_DIR} (machine PATH)"
  nsExec::ExecToLog '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "${LUN_STUDIO_PATH_SCRIPT}" -Action ${ACTION} -Dir "${LUN_STUDIO_BIN_DIR}"'
  Pop $0
  ${If} $0 != 0
    DetailPrint "lun-studio command: the PATH ${ACTION} failed (exit $0)"
  ${EndIf}
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!ifndef BUILD_UNINSTALLER
  Var LunStudioAddToPath
  Var LunStudioPathCheckbox

  !macro customInit
    StrCpy $LunStudioAddToPath "1"
    ReadRegStr $0 HKLM "${LUN_STUDIO_REG_KEY}" "AddToPath"
    ${If} $0 == "0"
      StrCpy $LunStudioAddToPath "0"
    ${EndIf}
    ${GetParameters} $1
    ClearErrors
    ${GetOptions} $1 "/PATH=" $2
    ${IfNot} ${Errors}
      ${If} $2 == "0"
        StrCpy $LunStudioAddToPath "0"
      ${Else}
        StrCpy $LunStudioAddToPath "1"
      ${EndIf}
    ${EndIf}
  !macroend

  !macro customPageAfterChangeDir
    Page custom lunStudioPathPageShow lunStudioPathPageLeave

    Function lunStudioPathPageShow
      ${If} ${isUpdated}
        Abort
      ${EndIf}
      nsDialogs::Create 1018
      Pop $0
      ${NSD_CreateLabel} 0 0 100% 36u "The lun-studio command scripts LUN Studio from a command prompt (an elevated one: VDS needs administrator rights). See lun-studio --help."
      Pop $0
      ${NSD_CreateCheckbox} 0 44u 100% 12u "&Add the lun-studio command to PATH (all users)"
      Pop $LunStudioPathCheckbox
      ${If} $LunStudioAddToPath == "1"
        ${NSD_Check} $LunStudioPathCheckbox
      ${EndIf}
      nsDialogs::Show
    FunctionEnd

    Function lunStudioPathPageLeave
      ${NSD_GetState} $LunStudioPathCheckbox $0
      ${If} $0 == ${BST_CHECKED}
        StrCpy $LunStudioAddToPath "1"
      ${Else}
        StrCpy $LunStudioAddToPath "0"
      ${EndIf}
    FunctionEnd
  !macroend

  !macro customInstall
    WriteRegStr HKLM "${LUN_STUDIO_REG_KEY}" "AddToPath" $LunStudioAddToPath
    ${If} $LunStudioAddToPath == "1"
      !insertmacro lunStudioPathEntry Add
    ${Else}
      ; Unchecked on a reinstall: an earlier install may have added it.
      !insertmacro lunStudioPathEntry Remove
    ${EndIf}
  !macroend
!endif

!macro customUnInstall
  ${IfNot} ${isUpdated}
    !insertmacro lunStudioPathEntry Remove
    DeleteRegValue HKLM "${LUN_STUDIO_REG_KEY}" "AddToPath"
    DeleteRegKey /ifempty HKLM "${LUN_STUDIO_REG_KEY}"
  ${EndIf}
!macroend
