"""`python -m dinnerplan` runs the CLI."""

from dinnerplan.commands import main

main()
