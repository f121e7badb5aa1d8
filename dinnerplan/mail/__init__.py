"""Email: build, record, queue and send; the local outbox when no SMTP server is set."""
