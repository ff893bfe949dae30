"""`python -m eventwire` runs the command line."""

from .cli.main import main

main()
