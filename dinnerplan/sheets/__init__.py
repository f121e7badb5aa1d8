"""Printed sheets: seating chart, door list, place cards, table sheets and kitchen summary."""
