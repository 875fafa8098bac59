#!/bin/sh
# The system packages the tests use, from Debian/Ubuntu's archive; only the missing ones are installed.
#   chromium          the real renderer for the end-to-end tests (driven by playwright-core)
#   fonts-noto-core   Vietnamese-complete fallback fonts for Chromium
#   poppler-utils     pdftotext/pdftoppm read the printed PDFs back
#   libreoffice-calc-nogui  opens exported .xlsx files as a clerk's Excel would (no GUI, no recommends)
#   libreoffice-writer-nogui  opens saved .docx files as a clerk's Word would
#   fonts-liberation2  Times New Roman's metric twin with Vietnamese letters (the older fonts-liberation has none)
# Works as root without sudo (a bare CI machine) and as a user with sudo.
set -eu

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "Không có apt-get: hãy tự cài chromium, poppler-utils, fonts-noto-core và LibreOffice Calc, Writer." >&2
  echo "No apt-get here: install Chromium (set CHROMIUM_PATH), poppler-utils, Noto and Liberation 2 fonts and LibreOffice Calc and Writer yourself." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "Cần quyền root hoặc sudo để cài gói hệ thống / root or sudo is needed to install system packages" >&2
  exit 1
fi

missing() {
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$pkg"
  done
}

browser=$(missing chromium fonts-noto-core poppler-utils)
office=$(missing libreoffice-calc-nogui libreoffice-writer-nogui fonts-liberation2)
if [ -z "$browser$office" ]; then
  echo "System packages: all present"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
# shellcheck disable=SC2086
[ -z "$browser" ] || $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $browser
# shellcheck disable=SC2086
[ -z "$office" ] || $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $office
