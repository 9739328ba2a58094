"""Where the user's data lives (--data-dir, else KNEE_COACH_DATA_DIR, else platformdirs), and
keeping it private: folders 0700, files 0600, whatever the umask."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from knee_coach import APP_ID

ENV_VAR = "KNEE_COACH_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created if missing. Raises OSError when it cannot be used."""
    chosen = override or os.environ.get(ENV_VAR)
    if chosen:
        folder = Path(chosen).expanduser()
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_ID, appauthor=False, roaming=False))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not os.access(folder, os.W_OK):
        probe_writable(folder)  # raises the real cause: a read-only disk, a full one...
        raise PermissionError(errno.EACCES, "the folder is not writable", str(folder))
    secure_tree(folder)
    return folder.resolve()


def probe_writable(folder: Path) -> None:
    """Raise the OSError that writing a small file in `folder` meets (ENOSPC, EACCES...)."""
    fd, name = -1, ""
    import tempfile

    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".probe-")
        os.write(fd, b"\0" * 4096)
        os.fsync(fd)
    except OSError as exc:  # named after the folder: the probe's name means nothing to anyone
        raise OSError(exc.errno, exc.strerror, str(folder)) from exc
    finally:
        if fd >= 0:
            os.close(fd)
        if name:
            os.unlink(name)


def private_folder(folder: Path) -> None:
    """Make `folder` (and missing parents) and make it the user's alone: 0700."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        os.chmod(folder, 0o700)


def private_file(path: Path, create: bool = False) -> None:
    """Make `path` readable and writable by the user alone (0600); `create` makes an empty
    file with those permissions first, so it is never readable by others, not even briefly."""
    if create:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return
        except FileExistsError:
            pass
    try:
        if path.stat().st_mode & 0o177:
            os.chmod(path, 0o600)
    except FileNotFoundError:
        pass
    except OSError:  # a read-only disk, another user's file: it is used as it is
        pass


def secure_tree(folder: Path) -> None:
    """Repair an existing data folder (older versions left 0755 and 0644): every folder in
    it 0700, every file 0600. Links are not followed; what cannot be changed (another
    user's file) is left as it is."""
    for root, dirs, files in os.walk(folder):
        fixes: list[tuple[str, Callable[[Path], None]]] = [(".", private_folder)] * (
            root == str(folder)
        )
        fixes += [(d, private_folder) for d in dirs]
        fixes += [(f, private_file) for f in files]
        for name, fix in fixes:
            path = Path(root, name)
            try:
                if not path.is_symlink():
                    fix(path)
            except OSError:
                pass
