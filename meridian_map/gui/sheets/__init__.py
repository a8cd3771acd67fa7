"""The printed sheets drawn with QPainter: `render` is the way in, the other modules its parts."""
