#!/usr/bin/env bash
# What `make setup` needs before it can start, checked first so a missing piece is named
# in one line instead of surfacing as a traceback halfway through. Usage: PYTHON.
python=${1:-python3}
problems=()
if ! "$python" -c 'import sys' >/dev/null 2>&1; then
    problems+=("Python 3.11 or newer is missing: install it (Debian: apt-get install python3 python3-venv) or run make PYTHON=/path/to/python3.11")
elif ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    problems+=("$("$python" --version 2>&1 | head -1) is too old: the site needs Python 3.11 or newer (make PYTHON=/path/to/python3.11)")
elif ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
    problems+=("Python's venv module is missing (Debian: apt-get install python3-venv)")
fi
command -v msgfmt >/dev/null || problems+=("GNU gettext's msgfmt is missing, needed to compile the Russian and Turkish translations (Debian: apt-get install gettext)")
if [ ${#problems[@]} -gt 0 ]; then
    printf 'make setup cannot start:\n' >&2
    printf '  - %s\n' "${problems[@]}" >&2
    exit 1
fi
