"""A private desktop for the accessibility tests: a session bus, an X server (Xvfb), the AT-SPI
bus, the real app in its own process, and a screen-reader-like client (tests/atspi_agent.py,
run by the system Python, which has pyatspi) that reads the app's accessibility tree and
presses its buttons through AT-SPI actions.

Nothing here is shared with the machine's own desktop: every service is started for the tests
and ended after them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AGENT = Path(__file__).with_name("atspi_agent.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
MISSING = (
    "the accessibility tests need Xvfb, dbus-daemon, at-spi2-core, python3-pyatspi and xdotool "
    "(scripts/debian-test-packages.txt)"
)


def missing_tools() -> list[str]:
    """What this machine lacks to run the accessibility tests."""
    missing = [tool for tool in ("Xvfb", "dbus-daemon", "xdotool") if shutil.which(tool) is None]
    if not any(Path(p).exists() for p in BUS_LAUNCHERS):
        missing.append("at-spi-bus-launcher")
    check = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    )
    if check.returncode != 0:
        missing.append("pyatspi for " + SYSTEM_PYTHON)
    return missing


def until(predicate: Callable[[], object], timeout: float = 15.0, what: str = "") -> object:
    """Poll a real process's state until `predicate` gives something true."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        time.sleep(0.1)


@dataclass(frozen=True, slots=True)
class Node:
    path: tuple[int, ...]
    role: str
    name: str
    description: str
    states: frozenset[str]
    actions: tuple[str, ...]
    value: float | None

    @property
    def showing(self) -> bool:
        return "showing" in self.states

    @property
    def focusable(self) -> bool:
        return "focusable" in self.states


class Agent:
    """The AT-SPI client process."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(AGENT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )

    def ask(self, **request: object) -> dict[str, object]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise AssertionError(f"the AT-SPI agent ended: {err}")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class App:
    """Knee Coach running in its own process on the private desktop, seen through AT-SPI."""

    def __init__(self, proc: subprocess.Popen[str], agent: Agent) -> None:
        self.proc = proc
        self.agent = agent

    def tree(self) -> list[Node]:
        reply = self.agent.ask(op="tree", pid=self.proc.pid)
        if not reply["ok"]:
            return []
        return [
            Node(
                path=tuple(n["path"]),
                role=n["role"],
                name=n["name"],
                description=n["description"],
                states=frozenset(n["states"]),
                actions=tuple(n["actions"]),
                value=n["value"],
            )
            for n in reply["nodes"]  # type: ignore[union-attr]
        ]

    def showing(self) -> list[Node]:
        """The nodes on screen: every ancestor shows too (a hidden page's children do not)."""
        nodes = self.tree()
        by_path = {n.path: n for n in nodes}
        visible = []
        for node in nodes:
            if node.role == "application":
                continue
            chain = [by_path.get(node.path[:i]) for i in range(1, len(node.path) + 1)]
            if all(c is not None and c.showing for c in chain):
                visible.append(node)
        return visible

    def find(self, role: str, name: str, timeout: float = 15.0) -> Node:
        """The showing node with this role whose name starts with `name`."""

        def look() -> Node | None:
            for node in self.showing():
                if node.role == role and node.name.startswith(name):
                    return node
            return None

        return until(look, timeout, f"{role} {name!r}")  # type: ignore[return-value]

    def press(self, name: str, role: str = "push button") -> None:
        node = self.find(role, name)
        action = "Press" if "Press" in node.actions else node.actions[0]
        reply = self.agent.ask(op="do", pid=self.proc.pid, path=list(node.path), action=action)
        assert reply["ok"], reply

    def focus(self, node: Node) -> None:
        reply = self.agent.ask(op="focus", pid=self.proc.pid, path=list(node.path))
        assert reply["ok"], reply

    def type(self, text: str) -> None:
        assert self.agent.ask(op="type", text=text)["ok"]

    def key(self, name: str) -> None:
        """One key by its X name ("Tab"), typed into the focused window with xdotool."""
        subprocess.run(["xdotool", "key", name], env=self.agent.env, check=True)

    def press_menu_item(self, name: str) -> None:
        """A menu's item, as a screen reader activates it (open or not, it is in the tree)."""
        node = next(n for n in self.tree() if n.role == "menu item" and n.name == name)
        reply = self.agent.ask(op="do", pid=self.proc.pid, path=list(node.path), action="Press")
        assert reply["ok"], reply

    def events(self) -> list[dict[str, object]]:
        return self.agent.ask(op="events")["events"]  # type: ignore[return-value]


class Desktop:
    """Xvfb, a session bus and the AT-SPI bus, for one test module."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self._procs: list[subprocess.Popen[str]] = []
        self._logs: list[Path] = []
        runtime = tmp / "runtime"
        runtime.mkdir(mode=0o700)
        home = tmp / "home"
        home.mkdir()
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),  # no PulseAudio there: the app plays nothing
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "LANG": "C.UTF-8",
        }
        self.env["DISPLAY"] = self._start_x()
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_bus()
        self._start_atspi()

    def _spawn(self, args: list[str], **kw: object) -> subprocess.Popen[str]:
        proc = subprocess.Popen(args, env=self.env, text=True, **kw)  # type: ignore[call-overload]
        self._procs.append(proc)
        return proc

    def _start_x(self) -> str:
        read, write = os.pipe()
        self._spawn(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb gave no display number"
        return f":{number}"

    def _start_bus(self) -> str:
        daemon = self._spawn(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        address = daemon.stdout.readline().strip()  # type: ignore[union-attr]
        assert address, "dbus-daemon gave no address"
        return address

    def _start_atspi(self) -> None:
        launcher = next(p for p in BUS_LAUNCHERS if Path(p).exists())
        self._spawn([launcher, "--launch-immediately"], stderr=subprocess.DEVNULL)

    @contextmanager
    def app(self, data_dir: Path, *args: str) -> Iterator[App]:
        """The real app (python -m knee_coach) with its accessibility bridge always on."""
        env = dict(self.env)
        env.update(
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            PYTHONPATH=str(ROOT),
            PYTHONFAULTHANDLER="1",  # a crash leaves its Python stack in the log below
        )
        # The app's own output goes to a file, read back when it ends by itself (a crash).
        log_path = self.tmp / f"app-{len(self._logs)}.log"
        log = log_path.open("w")
        self._logs.append(log_path)
        proc = subprocess.Popen(
            [sys.executable, "-m", "knee_coach", "--data-dir", str(data_dir), *args],
            env=env,
            text=True,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        agent = Agent(self.env)
        app = App(proc, agent)
        try:
            until(lambda: any(n.role == "frame" for n in app.showing()), 30, "the app's window")
            yield app
            died = proc.poll()
            assert died is None, f"the app ended by itself ({died}): {log_path.read_text()}"
        except AssertionError as failure:
            died = proc.poll()
            if died is None:
                raise
            raise AssertionError(
                f"{failure}; the app had ended ({died}): {log_path.read_text()[-4000:]}"
            ) from failure
        finally:
            agent.close()
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()

    def close(self) -> None:
        for proc in reversed(self._procs):
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()
