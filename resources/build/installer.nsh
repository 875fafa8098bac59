; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; Clerks install for themselves, without administrator rights: the install-mode page ("all users /
; only me"), which electron-builder shows only in English, is skipped and "only me" is taken.
!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
!macroend
