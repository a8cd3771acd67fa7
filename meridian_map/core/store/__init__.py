"""What the app keeps about a user that is more than a settings file: the study database."""
