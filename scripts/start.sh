#!/usr/bin/env bash
# `npm start`: make sure Chromium and CJK fonts are present (PDF export), build the web app and
# serve it on the demo bundle. LibreOffice is only needed by the tests and is skipped here.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ASSAY_SKIP_LIBREOFFICE=1 bash scripts/ensure-system-packages.sh; then
  echo "warning: could not install chromium/fonts-noto-cjk; everything but PDF export works" >&2
fi
npm run build -w @assay/web
exec node --max-semi-space-size=64 packages/cli/bin/assay.js serve "$@"
