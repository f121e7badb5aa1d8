"""Introductions: after publishing, every seated guest learns who sits at their table and why."""
