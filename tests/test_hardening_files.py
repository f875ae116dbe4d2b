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


def _private_device(tmp_path: Path, name: str, major: int, minor: int) -> Path | None:
    """A private copy of a character device, so a regression breaks it and not the machine's
    (root only: a user cannot replace /dev's devices anyway)."""
    if os.geteuid() != 0:
        return None
    path = tmp_path / name
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    return path


def test_export_to_dev_null_keeps_the_device(built_project: Path, tmp_path: Path) -> None:
    private = _private_device(tmp_path, "null", 1, 3)
    if private is not None:
        result = tkg("--root", str(built_project), "export", "-f", "nquads", "-o", str(private))
        assert stat.S_ISCHR(os.lstat(private).st_mode), result.output  # (a nodev /tmp may refuse to open it)
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


def test_export_to_dev_full_is_one_line_exit_2(built_project: Path, tmp_path: Path) -> None:
    private = _private_device(tmp_path, "full", 1, 7)
    if private is not None:
        result = _run("--root", str(built_project), "export", "-f", "nquads", "-o", str(private))
        assert stat.S_ISCHR(os.lstat(private).st_mode), result.stderr
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
        if path.name in ("fileio.py", "build.py", "build_sort.py"):  # build writes inside its own temporary folder
            continue
        if path.relative_to(ROOT).as_posix() == "graph/importers/world.py":  # copies into a new folder it makes
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


# ---------------------------------------------------------------- builds: leftovers, lock, swap, views


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path)


def test_stale_temporary_build_folders_are_cleaned(project: Path) -> None:
    for name in (".build-abc12_45", ".build-old-1700000000000000000", ".build-keepthisone", ".other-abc12345"):
        (project / name).mkdir()
        (project / name / "junk").write_bytes(b"x" * 1000)
    result = tkg("--root", str(project), "build")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in project.iterdir()) == [
        ".build-keepthisone", ".build.lock", ".other-abc12345", "build", "data", "ontology", "queries"]


def test_a_second_build_is_refused_while_one_holds_the_lock(project: Path) -> None:
    import fcntl

    (project / ".build-abc12345").mkdir()  # the running build's temporary folder: not touched
    with open(project / ".build.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = tkg("--root", str(project), "build")
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (f"tkg: error: another build into {project / 'build'} is running (it holds "
                             f"{project / '.build.lock'}); try again when it ends\n")
    assert (project / ".build-abc12345").is_dir() and not (project / "build").exists()


def test_two_builds_at_once_one_wins_one_is_refused(project: Path) -> None:
    args = [sys.executable, "-m", "graph.cli", "--root", str(project), "build"]
    procs = [subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outcomes = sorted((p.wait(timeout=300), p.stderr.read()) for p in procs)  # type: ignore[union-attr]
    for p in procs:
        p.stdout.close()  # type: ignore[union-attr]
        p.stderr.close()  # type: ignore[union-attr]
    assert [code for code, _ in outcomes] == [0, 3]
    assert outcomes[1][1].startswith(f"tkg: error: another build into {project / 'build'} is running")


def test_a_rebuild_keeps_the_views(project: Path) -> None:
    settings = load_settings(root=project)
    build(settings)
    views = project / "build" / "views"
    views.mkdir()
    (views / "overview.html").write_text("<html>overview</html>", encoding="utf-8")
    (views / "views.json").write_text('{"views": []}', encoding="utf-8")
    result = tkg("--root", str(project), "build")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == (f"kept {views} (1 page drawn from the previous data; "
                                             "`tkg viz --all` redraws them)")
    assert (views / "overview.html").read_text(encoding="utf-8") == "<html>overview</html>"
    assert sorted(p.name for p in views.iterdir()) == ["overview.html", "views.json"]


POLLER = r"""
import json, os, sys, time
build, stop = sys.argv[1], sys.argv[2]
polls = missing = 0
while not os.path.exists(stop):
    polls += 1
    if not (os.path.isfile(os.path.join(build, "manifest.json")) and os.path.isfile(os.path.join(build, "dataset.nq"))
            and os.path.isdir(os.path.join(build, "store"))):
        missing += 1
print(json.dumps({"polls": polls, "missing": missing}))
"""


def test_a_reader_always_finds_a_complete_build(project: Path, tmp_path: Path) -> None:
    settings = load_settings(root=project)
    build(settings)
    stop = tmp_path / "stop"
    poller = subprocess.Popen([sys.executable, "-c", POLLER, str(project / "build"), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)
        for _ in range(4):
            build(settings)
    finally:
        stop.touch()
        out, _ = poller.communicate(timeout=60)
    seen = json.loads(out)
    assert seen["polls"] > 1000 and seen["missing"] == 0, seen


def test_the_swap_never_leaves_the_build_folder_missing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file-system step of the swap is watched: between any two, build/ must be complete."""
    settings = load_settings(root=project)
    build(settings)
    target = project / "build"
    seen: list[str] = []
    real_rename, real_rmtree = os.rename, __import__("shutil").rmtree

    def watch(name: str):  # type: ignore[no-untyped-def]
        def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
            result = (real_rename if name == "rename" else real_rmtree)(*args, **kwargs)
            seen.append(f"{name}: build complete={(target / 'manifest.json').is_file()}")
            return result
        return wrapped

    monkeypatch.setattr("os.rename", watch("rename"))
    monkeypatch.setattr("shutil.rmtree", watch("rmtree"))
    monkeypatch.setattr("pathlib.Path.rename", lambda self, dst: watch("rename")(self, dst))
    build(settings)
    assert seen and all(s.endswith("complete=True") for s in seen), seen


def test_a_read_only_build_folder_is_one_line_exit_2(project: Path, tmp_path: Path) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    _read_only(parent)
    try:
        result = _run("--root", str(project), "--build-dir", str(parent / "build"), "build")
        listing = sorted(p.name for p in parent.iterdir())
    finally:
        _writable(parent)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"tkg: error: {parent}: cannot write the build here: ")
    assert result.stderr.count("\n") == 1 and listing == []


def test_a_full_disk_during_a_build_is_one_line_and_keeps_the_previous_build(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings(root=project)
    build(settings)
    before = (project / "build" / "dataset.nq").read_bytes()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("graph.build.write_nquads", full)
    result = tkg("--root", str(project), "build")
    assert (result.exit_code, result.stderr) == (
        2, f"tkg: error: {project / 'build'}: cannot write the build: No space left on device\n")
    assert (project / "build" / "dataset.nq").read_bytes() == before
    assert sorted(p.name for p in project.iterdir()) == [".build.lock", "build", "data", "ontology", "queries"]


def test_dev_stdout_as_output_writes_into_the_pipe() -> None:
    code = "from pathlib import Path; from graph.fileio import write_atomic; write_atomic(Path('/dev/stdout'), b'hi')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"hi", b"")


def test_a_build_killed_between_two_renames_is_put_back(project: Path) -> None:
    settings = load_settings(root=project)
    build(settings)
    (project / "build").rename(project / ".build-old-1700000000000000000")
    (project / "data" / "broken.trig").write_text("<http://a> { <http://a> <http://b> . }", encoding="utf-8")
    result = tkg("--root", str(project), "build")
    assert result.exit_code == 2
    assert (project / "build" / "manifest.json").is_file()
    assert not (project / ".build-old-1700000000000000000").exists()
