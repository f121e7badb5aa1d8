"""rsvp area."""
