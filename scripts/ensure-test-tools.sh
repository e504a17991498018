#!/usr/bin/env bash
# Makes sure the tools the tests need are on this machine: Chromium (Playwright cannot download
# its own browser everywhere, so Debian's is used), ffmpeg (real H.264 videos and posters) and
# the PostgreSQL server binaries (the integration suite's PostgreSQL leg).
# Installs them with apt-get when run as root; otherwise says exactly what is missing.
set -euo pipefail

missing=()
chromium_path="${CHROMIUM_PATH:-}"
if [[ -z "$chromium_path" ]]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [[ -x "$candidate" ]]; then chromium_path="$candidate"; break; fi
  done
fi
[[ -n "$chromium_path" ]] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then missing+=(fonts-noto-cjk); fi
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing test tools with apt-get: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing test tools: ${missing[*]}" >&2
    echo "Install them with your package manager, e.g.: sudo apt-get install -y ${missing[*]}" >&2
    echo "(or set CHROMIUM_PATH to a Chromium/Chrome binary)" >&2
    # ffmpeg and CJK fonts improve the simulator's videos and the PostgreSQL leg is skipped
    # loudly without its server; only a browser is indispensable.
    [[ " ${missing[*]} " == *" chromium "* ]] && exit 1
  fi
fi
