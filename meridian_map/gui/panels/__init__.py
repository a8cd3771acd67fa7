"""The panels around the map: details, sidebar controls and search."""
