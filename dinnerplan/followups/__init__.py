"""After the dinner: my table, promises, follow-up emails and the organizer's outcome."""
