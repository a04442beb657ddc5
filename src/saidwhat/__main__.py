"""``python -m saidwhat``: the same as the ``saidwhat`` command."""
import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
