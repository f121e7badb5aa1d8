"""guests area."""
