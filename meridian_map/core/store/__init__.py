"""The user's own files: folders, atomic writes, bounded reads, the settings
store and the study database. Anything here may have been edited by hand, so
it is read as hostile and never lost.
"""
