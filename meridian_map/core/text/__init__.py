"""Words about the catalog: finding records by what a user types, and the
phrases that are shown, printed and said to a client alike.
"""
