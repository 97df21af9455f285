#!/usr/bin/env bash
# Install the Debian packages the tests and the PDF renderer need, when they are missing:
# chromium (headless browser for PDF and UI tests), fonts-noto-cjk (Chinese glyphs in PDF),
# poppler-utils (pdftoppm/pdftotext to read PDFs back in tests), libreoffice-calc-nogui
# (recalculates the XLSX data pack in a test); with ASSAY_WITH_WRITER=1 also
# libreoffice-writer-nogui (DOCX → PDF for the report's page images, `npm run report:pages`,
# which sets it; no test needs it, so CI does not install it). Idempotent; needs root.
set -euo pipefail
need=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in chromium fonts-noto-cjk poppler-utils; do
  installed "$pkg" || need+=("$pkg")
done
if [ "${ASSAY_SKIP_LIBREOFFICE:-0}" != "1" ]; then
  installed libreoffice-calc-nogui || command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
  if [ "${ASSAY_WITH_WRITER:-0}" = "1" ]; then
    installed libreoffice-writer-nogui || need+=(libreoffice-writer-nogui)
  fi
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# PostgreSQL runs on these machines; start it if it was stopped (tests use 127.0.0.1:5432).
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  fi
fi
