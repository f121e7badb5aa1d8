"""organizers area: the `dinnerplan organizer` command line (accounts on the web are auth/)."""
