"""The Qt layer: thin views over the core catalog."""
