@echo off
rem lun-studio: the installed command line. The installer puts this folder (<install dir>\bin, only this shim,
rem not the app folder with its DLLs) on PATH. LUN Studio.exe runs the CLI as plain Node: ELECTRON_RUN_AS_NODE=1
rem (the runAsNode fuse stays enabled for this), as VS Code's bin\code.cmd does.
rem The exe asks for administrator rights (VDS needs them): run lun-studio from an elevated prompt.
setlocal
set "ELECTRON_RUN_AS_NODE=1"
"%~dp0..\LUN Studio.exe" "%~dp0..\resources\app.asar\bin\lun-studio.js" %*
exit /b %ERRORLEVEL%
