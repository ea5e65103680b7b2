#!/usr/bin/env bash
# Makes Debian's Chromium available to the browser tests. Playwright never downloads a browser here:
# the tests launch the system Chromium through executable_path.
set -euo pipefail

# The site build itself needs these too: Pango for WeasyPrint's PDFs, and the fonts the PDFs and
# the share images embed. The tests build the site, so they are installed with the browser.
SYSTEM_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation"
if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for package in $SYSTEM_PACKAGES; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then prefix=""; elif command -v sudo >/dev/null 2>&1; then prefix="sudo"; else
      echo "error: the site build needs Debian packages:$missing — install them as root with apt-get" >&2; exit 1; fi
    echo "==> installing Debian packages the site build needs:$missing"
    $prefix apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $prefix apt-get install -y -qq $missing >/dev/null
  fi
fi

if [ -n "${WAYOUT_CHROMIUM:-}" ]; then
  if [ -x "$WAYOUT_CHROMIUM" ]; then
    echo "==> using Chromium from WAYOUT_CHROMIUM=$WAYOUT_CHROMIUM"
    exit 0
  fi
  echo "error: WAYOUT_CHROMIUM=$WAYOUT_CHROMIUM is not an executable — point it at a Chromium binary" >&2
  exit 1
fi

if command -v chromium >/dev/null 2>&1; then
  echo "==> Chromium found: $(command -v chromium)"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "error: Chromium is missing and installing it needs root — run: apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
  echo "==> installing Debian's chromium with apt-get (needed by the browser tests)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  echo "==> Chromium installed: $(command -v chromium)"
  exit 0
fi

cat >&2 <<'MSG'
error: the browser tests need Chromium, and this machine has no apt-get to install it.
  Install Chromium with your system's package manager (it must be on PATH as `chromium`),
  or set WAYOUT_CHROMIUM=/path/to/chromium, then run `make test` again.
  The tests do not download a browser, and they do not skip without one.
MSG
exit 1
