"""Entry point: ``python build_digest.py build`` is the same as ``digest build``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "src"))

from digest.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
