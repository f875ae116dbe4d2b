"""Writing files and builds safely: devices, FIFOs and symlinks as outputs, read-only folders and full
disks, stale build folders, concurrent builds, the swap seen by a reader, views kept by a rebuild."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from graph.build import build
from graph.errors import InputError
from graph.fileio import write_atomic
from graph.settings import load_settings

from .helpers import ROOT, small_project, tkg


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = small_project(tmp_path_factory.mktemp("hardening"))
    build(load_settings(root=root))
    return root


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m graph.cli ARGS`` in a child process: what a user sees, tracebacks included."""
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------- write_atomic: what -o points at


def _fifo_reader(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    """A thread that reads ``fifo`` to its end (a daemon: a failed test never hangs the session)."""
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    return reader, got


def _release(fifo: Path, reader: threading.Thread) -> None:
    """Unblock a reader still waiting for a writer (when the code under test never opened the FIFO)."""
    if reader.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=5)


def test_export_to_dev_null_keeps_the_device(built_project: Path) -> None:
    before = os.stat("/dev/null")
    result = tkg("--root", str(built_project), "export", "-f", "nquads", "-o", "/dev/null")
    assert result.exit_code == 0, result.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_rdev, after.st_ino) == (before.st_rdev, before.st_ino)
    assert _leftovers(Path("/dev")) == []


def test_write_into_a_fifo_reaches_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, got = _fifo_reader(fifo)
    write_atomic(fifo, b"through the pipe\n")
    reader.join(timeout=10)
    _release(fifo, reader)
    assert got == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_export_to_a_fifo(built_project: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, got = _fifo_reader(fifo)
    result = tkg("--root", str(built_project), "export", "-f", "nquads", "-o", str(fifo))
    reader.join(timeout=30)
    _release(fifo, reader)
    assert result.exit_code == 0, result.output
    assert got == [(built_project / "build" / "dataset.nq").read_bytes()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_symlink_stays_a_symlink_and_its_target_gets_the_bytes(built_project: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.nq"
    target.write_bytes(b"old\n")
    link = tmp_path / "link.nq"
    link.symlink_to(target)
    result = tkg("--root", str(built_project), "export", "-f", "nquads", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == (built_project / "build" / "dataset.nq").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.nq", "real"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.nq"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "made.txt")
    write_atomic(link, "made\n")
    assert link.is_symlink() and (tmp_path / "made.txt").read_text() == "made\n"


def test_a_regular_file_is_replaced_atomically_keeping_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("old")
    path.chmod(0o600)
    write_atomic(path, "new")
    assert path.read_text() == "new" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_export_to_dev_full_is_one_line_exit_2(built_project: Path) -> None:
    result = _run("--root", str(built_project), "export", "-f", "nquads", "-o", "/dev/full")
    assert (result.returncode, result.stderr) == (2, "tkg: error: /dev/full: cannot write: No space left on device\n")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_no_space_while_writing_a_regular_file_leaves_no_temporary(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.txt"
    path.write_text("previous")

    def full(fd: int, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("graph.fileio.os.write", full)
    with pytest.raises(InputError) as info:
        write_atomic(path, "new text")
    assert str(info.value) == f"{path}: cannot write: No space left on device"
    assert info.value.exit_code == 2
    assert path.read_text() == "previous" and sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def _read_only(folder: Path) -> None:
    """Make ``folder`` read-only for real: mode 555 for a user, the immutable attribute for root."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return
    subprocess.run(["chattr", "+i", str(folder)], check=True, capture_output=True)


def _writable(folder: Path) -> None:
    if os.geteuid() != 0:
        folder.chmod(0o755)
    else:
        subprocess.run(["chattr", "-i", str(folder)], check=True, capture_output=True)


def test_export_into_a_read_only_folder_is_one_line_exit_2(built_project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    _read_only(folder)
    try:
        result = _run("--root", str(built_project), "export", "-o", str(folder / "out.trig"))
        listing = sorted(p.name for p in folder.iterdir())
    finally:
        _writable(folder)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"tkg: error: {folder / 'out.trig'}: cannot write: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert listing == []


def test_a_folder_or_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    with pytest.raises(InputError, match="is a folder"):
        write_atomic(tmp_path, "x")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(tmp_path / "sock"))
        with pytest.raises(InputError, match="is a socket"):
            write_atomic(tmp_path / "sock", "x")
        assert stat.S_ISSOCK(os.lstat(tmp_path / "sock").st_mode)
    finally:
        sock.close()


def test_a_symlink_loop_as_output_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(InputError, match="cannot write: Too many levels of symbolic links"):
        write_atomic(tmp_path / "a", "x")


def test_every_writer_goes_through_write_atomic() -> None:
    """export, viz and ingest write their outputs only through :func:`graph.fileio.write_atomic`."""
    offenders = []
    for path in sorted((ROOT / "graph").rglob("*.py")):
        if path.name in ("fileio.py", "build.py"):  # build writes inside its own temporary folder
            continue
        text = path.read_text(encoding="utf-8")
        for bad in (".write_text(", ".write_bytes(", "open(\"w", "open('w", ".open(\"w", ".open(\"wb\"", "shutil.copy"):
            if bad in text:
                offenders.append(f"{path.relative_to(ROOT)}: {bad}")
    assert offenders == []
    users = {p.relative_to(ROOT).as_posix() for p in (ROOT / "graph").rglob("*.py")
             if "write_atomic(" in p.read_text(encoding="utf-8")}
    assert {"graph/cli/build_cmds.py", "graph/cli/ingest_cmds.py", "graph/viz/html.py",
            "graph/viz/index.py"} <= users
