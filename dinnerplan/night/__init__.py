"""On the night: late changes with the fewest moves, check-in, walk-ins."""
