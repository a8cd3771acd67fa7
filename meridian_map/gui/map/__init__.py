"""The face map: a scene mirroring the state, its items, the view and the tools that handle the mouse."""
