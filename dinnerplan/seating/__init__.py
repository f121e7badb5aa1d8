"""Seating area: run matching and the solver on an event, review, adjust and publish."""
