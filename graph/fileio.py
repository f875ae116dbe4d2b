"""Writing files so that a failure never leaves a half-written file, and never replaces what is not a file.

The rule of :func:`write_atomic`:

- a regular file, or a path where nothing is yet: write a temporary file in the same folder, then
  rename it over the path (atomic: a reader sees the old bytes or the new, never a part);
- a symbolic link: followed to its final target, which is written by the same rule (the link stays);
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe): written into directly,
  as a shell's ``>`` would; never replaced (a FIFO waits for its reader);
- anything else (a folder, a block device, a socket) is refused.

Every failure (read-only folder, full disk, no permission, symlink loop) is an
:class:`~graph.errors.InputError`: one line, exit code 2, and no temporary file left behind.
"""

from __future__ import annotations

import ctypes
import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import InputError

__all__ = ["write_atomic", "exchange_paths"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def write_atomic(path: Path, data: bytes | str, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` by the rule of this module.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", "one")
    >>> (folder / "a.txt").read_text()
    'one'
    """
    raw = data.encode(encoding) if isinstance(data, str) else data
    try:
        mode = os.stat(path).st_mode  # follows symlinks, /dev/stdout's too
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _cannot(path, exc) from None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        _write_stream(path, raw)
    elif mode is None or stat.S_ISREG(mode):
        target = Path(os.path.realpath(path))  # a symlink's final target; the link itself stays
        _replace(path, target, raw, None if mode is None else stat.S_IMODE(mode))
    else:
        raise InputError(f"{path}: is {_kind(mode)}; write to a regular file, a character device or a FIFO")


def _cannot(path: Path, exc: OSError) -> InputError:
    return InputError(f"{path}: cannot write: {exc.strerror or exc}")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _write_all(fd: int, raw: bytes) -> None:
    view = memoryview(raw)
    while view:
        view = view[os.write(fd, view):]


def _write_stream(path: Path, raw: bytes) -> None:
    """Write into a device or FIFO in place (no temporary file, no rename)."""
    try:
        fd = os.open(path, os.O_WRONLY)
    except OSError as exc:
        raise _cannot(path, exc) from None
    try:
        _write_all(fd, raw)
    except OSError as exc:
        raise _cannot(path, exc) from None
    finally:
        os.close(fd)


def _replace(path: Path, target: Path, raw: bytes, mode: int | None) -> None:
    """Temporary file beside ``target``, then an atomic rename over it; keeps an existing file's mode."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _cannot(path, exc) from None
    try:
        try:
            _write_all(fd, raw)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o644 if mode is None else mode)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise _cannot(path, exc) from None
        raise


def exchange_paths(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``): at every
    moment each name holds one of the two trees, never none.

    Returns False, changing nothing, where the system or the file system cannot do it (not Linux,
    glibc older than 2.28, a file system without the flag); raises :class:`OSError` otherwise.
    """
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))
