"""Knee Coach: guided, hands-free self-care for pain behind the knee."""

__version__ = "0.1.0"
APP_NAME = "Knee Coach"
APP_ID = "knee-coach"
