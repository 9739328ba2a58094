"""Qt-free heart of the app: routine plans as data, the session state machine, pacing.

Nothing in this package may import Qt; the UI and audio layers consume what it emits.
"""
