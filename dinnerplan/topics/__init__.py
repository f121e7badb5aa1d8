"""Help topics in the app: guests and organizers confirm what the matcher read (issue 11)."""
