"""The short form of scripts/loadtest.sh: gunicorn on PostgreSQL, visitors and an editor."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "loadtest.sh"
PG_BIN = Path("/usr/lib/postgresql/15/bin")


@pytest.mark.skipif(
    not (shutil.which("wrk") and (PG_BIN / "initdb").exists() and shutil.which("runuser")),
    reason="needs Debian's wrk and PostgreSQL 15",
)
def test_a_short_load_run_has_no_errors_and_loses_no_edit():
    result = subprocess.run(
        ["bash", str(SCRIPT)],
        env=os.environ | {"LOADTEST_SECONDS": "30", "PY": sys.executable},
        capture_output=True,
        text=True,
        timeout=110,
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "status_5xx=0" in result.stdout and "connect_errors=0" in result.stdout
    assert "lost=0" in result.stdout
