"""Print the N-th ``console`` block of a Markdown file's "Quick start" section (1-based).

CI runs the README's first command exactly as a newcomer would copy it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def main() -> None:
    """Print the block named by the command-line arguments: FILE N."""
    path, number = Path(sys.argv[1]), int(sys.argv[2])
    text = path.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```console\n(.*?)```", section, flags=re.DOTALL)
    sys.stdout.write(blocks[number - 1])


if __name__ == "__main__":
    main()
