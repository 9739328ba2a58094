"""An assistive-technology client for the accessibility tests, run by the SYSTEM Python.

pyatspi (Debian: python3-pyatspi) is a system package; the project's venv does not see it, so
the tests run this script with /usr/bin/python3 in its own process, as a screen reader runs.
It reads one JSON request a line on stdin and answers with one JSON line on stdout:

    {"op": "tree", "pid": 123}                  -> {"ok": true, "nodes": [...]}
    {"op": "do", "pid": 123, "path": [0, 2, 1], "action": "Press"} -> {"ok": true}
    {"op": "focus", "pid": 123, "path": [...]}  -> {"ok": true}  (keyboard focus to it)
    {"op": "type", "text": "4"}                 -> {"ok": true}  (keys typed, as by a person)
    {"op": "events"}                            -> {"ok": true, "events": [...]}

A node is {"path", "role", "name", "description", "states", "actions", "value"}; `path` is the
child indices from the application down. "events" returns the announcements and the object
events received since the last call (what a screen reader would hear about).
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading

import pyatspi
from gi.repository import GLib

_events: list[dict[str, object]] = []
_lock = threading.Lock()


def _application(pid: int) -> object | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # an application that went away meanwhile
            continue
    return None


def _node(acc: object, path: list[int]) -> dict[str, object]:
    states = [pyatspi.stateToString(s) for s in acc.getState().getStates()]
    actions: list[str] = []
    try:
        action = acc.queryAction()
        actions = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        pass
    value = None
    with contextlib.suppress(NotImplementedError):
        value = acc.queryValue().currentValue
    return {
        "path": path,
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": states,
        "actions": actions,
        "value": value,
    }


def _walk(acc: object, path: list[int], out: list[dict[str, object]]) -> None:
    out.append(_node(acc, path))
    for index in range(acc.childCount):
        child = acc.getChildAtIndex(index)
        if child is not None:
            _walk(child, [*path, index], out)


def _at(pid: int, path: list[int]) -> object:
    acc = _application(pid)
    if acc is None:
        raise LookupError(f"no application with pid {pid} on the accessibility bus")
    for index in path:
        acc = acc.getChildAtIndex(index)
    return acc


def _handle(request: dict[str, object]) -> dict[str, object]:
    op = request["op"]
    if op == "tree":
        app = _application(int(request["pid"]))  # type: ignore[arg-type]
        if app is None:
            return {"ok": False, "error": "not on the bus yet"}
        nodes: list[dict[str, object]] = []
        _walk(app, [], nodes)
        return {"ok": True, "nodes": nodes}
    if op == "do":
        acc = _at(int(request["pid"]), list(request["path"]))  # type: ignore[arg-type]
        action = acc.queryAction()
        for index in range(action.nActions):
            if action.getName(index) == request["action"]:
                return {"ok": bool(action.doAction(index))}
        return {"ok": False, "error": f"no action {request['action']!r}"}
    if op == "focus":
        acc = _at(int(request["pid"]), list(request["path"]))  # type: ignore[arg-type]
        return {"ok": bool(acc.queryComponent().grabFocus())}
    if op == "type":  # keys as the X server receives them (XTest), to the focused widget
        pyatspi.Registry.generateKeyboardEvent(0, str(request["text"]), pyatspi.KEY_STRING)
        return {"ok": True}
    if op == "events":
        with _lock:
            taken = list(_events)
            _events.clear()
        return {"ok": True, "events": taken}
    return {"ok": False, "error": f"unknown op {op!r}"}


def _on_event(event: object) -> None:
    try:
        source = event.source
        name = source.name if source is not None else ""
    except Exception:
        name = ""
    entry = {"type": event.type, "detail1": event.detail1, "source": name}
    any_data = event.any_data
    if isinstance(any_data, str):
        entry["text"] = any_data
    with _lock:
        _events.append(entry)


def _answer(line: str) -> bool:
    """One request, on the main loop: libatspi is not called from two threads."""
    try:
        reply = _handle(json.loads(line))
    except Exception as exc:  # the test reads the error; the agent keeps serving
        reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
    return False


def _read() -> None:
    for line in sys.stdin:
        if line.strip():
            GLib.idle_add(_answer, line)
    GLib.idle_add(pyatspi.Registry.stop)


def main() -> None:
    for kind in ("object:announcement", "object:state-changed:focused", "object:property-change"):
        pyatspi.Registry.registerEventListener(_on_event, kind)
    threading.Thread(target=_read, daemon=True).start()
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
