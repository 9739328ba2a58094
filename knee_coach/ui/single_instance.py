"""One running app per data folder: a lock file guards the history, a local socket wakes it.

The first instance holds a QLockFile in the data folder for as long as it runs (so there are
never two writers to the history) and listens on a QLocalServer whose name is derived from
the data folder. A second start with the same folder finds the lock taken, sends "activate"
to the server, and exits; the first brings its window to the front. A different data folder
is a different instance. A lock left by a crash names a dead process and is taken over.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QThread, Signal

from knee_coach import APP_ID

# QtNetwork (and hashlib) load when first used: the lock is taken before the window shows,
# the socket is opened once it is on screen.
if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
LOCK_NAME = "knee-coach.lock"
ACTIVATE = b"activate\n"
ACK = b"ok\n"


def server_name(data_dir: Path) -> str:
    """A socket name unique to the user and the (resolved) data folder, short enough for Unix."""
    import hashlib

    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:20]
    return f"{APP_ID}-{digest}"


class SingleInstance(QObject):
    """Call `acquire()`; True: this is the running instance; False: hand over and exit."""

    activated = Signal()  # another start asked this instance to come to the front

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK_NAME))
        # Held for the app's whole life: never stale by age, only when its process is gone.
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []  # connected second starts (owned by the server)

    def acquire(self, timeout_ms: int = 200, listen: bool = True) -> bool:
        """Take the lock. False: another instance holds it (see `held_elsewhere()`).

        `listen=False` leaves opening the socket to a later `listen()`; a second start
        meanwhile keeps trying to reach this one for a few seconds."""
        if not self.lock.tryLock(timeout_ms):
            return False
        from knee_coach.storage.paths import private_file

        private_file(self.data_dir / LOCK_NAME)  # QLockFile makes it as the umask says
        if listen:
            self.listen()
        return True

    def take_over_stale(self) -> bool:
        """After no running Knee Coach answered on the socket: take the lock if no process
        holds it. A running Knee Coach keeps its lock file locked (the kernel's file lock,
        gone with the process), so a lock file nobody holds is stale even when the PID in
        it now belongs to another live process of the same name (python3.11)."""
        if not self.lock.removeStaleLockFile():
            return False
        log.info("took over a stale lock in %s", self.data_dir)
        return self.acquire(listen=False)

    def listen(self) -> None:
        """Wait for other starts to ask for the window (only while holding the lock)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None or not self.lock.isLocked():
            return
        name = server_name(self.data_dir)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            # A socket file left by a crash; we hold the lock, so it cannot be a live server.
            QLocalServer.removeServer(name)
            if not server.listen(name):
                # Still the only writer (we hold the lock); later starts just cannot wake us.
                log.warning("cannot listen for other starts: %s", server.errorString())
                return
        server.newConnection.connect(self._on_connection)
        self.server = server

    def held_elsewhere(self) -> bool:
        """After a failed `acquire()`: True if another instance holds the lock, False if the
        lock file could not be made at all (permissions, disk)."""
        return self.lock.error() == QLockFile.LockError.LockFailedError

    def release(self) -> None:
        for socket in self._clients:
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.abort()
        self._clients.clear()
        if self.server is not None:
            self.server.newConnection.disconnect()
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._clients.append(socket)
            socket.readyRead.connect(self._read_all)
            socket.disconnected.connect(self._forget_closed)
        self._read_all()

    def _read_all(self) -> None:
        for socket in list(self._clients):
            if not socket.canReadLine():
                continue
            line = bytes(socket.readLine().data())
            if line == ACTIVATE:
                socket.write(ACK)
                socket.flush()
                self.activated.emit()

    def _forget_closed(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        for socket in [
            s for s in self._clients if s.state() != QLocalSocket.LocalSocketState.ConnectedState
        ]:
            self._clients.remove(socket)
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.deleteLater()

    @staticmethod
    def activate_running(data_dir: Path, attempts: int = 20, wait_ms: int = 250) -> bool:
        """From a second start: ask the running instance to show itself. True if it answered.

        Retries for a few seconds, since the first instance may still be starting up.
        """
        from PySide6.QtNetwork import QLocalSocket

        name = server_name(data_dir)
        for _ in range(attempts):
            socket = QLocalSocket()
            socket.connectToServer(name)
            if socket.waitForConnected(wait_ms):
                socket.write(ACTIVATE)
                socket.waitForBytesWritten(1000)
                answered = socket.waitForReadyRead(3000) and socket.readLine().data() == ACK
                socket.abort()
                if answered:
                    return True
            else:
                socket.abort()
                QThread.msleep(wait_ms)  # not listening yet (still starting): try again soon
        return False
