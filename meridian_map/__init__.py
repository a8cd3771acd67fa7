"""Meridian Map: an interactive map of facial gua sha zones and acupuncture points."""

__version__ = "0.1.0"
