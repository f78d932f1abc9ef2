"""``python -m pzgraph``: the same as the ``pzgraph`` command."""

from .cli import main

if __name__ == "__main__":
    main()
