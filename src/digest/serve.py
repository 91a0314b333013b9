"""'digest serve': a local preview with drafts, rebuilt and reloaded when a file is saved.

MkDocs' live-reload server serves the preview folder; when content/, templates/ or overrides/
change it calls our own build, which rewrites only the pages whose Markdown changed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from digest.build import BuildOptions, build
from digest.editor import start_local_backend
from digest.errors import DigestError
from digest.findings import format_all, has_errors
from digest.first_page import content_stamps, show_saved_meeting, warm_up

WATCHED = ("templates", "overrides", "mkdocs.yml")


def preview_options(content_dir: Path) -> BuildOptions:
    """Return the options of a draft preview: its own folders, never the published site."""
    return BuildOptions(content_dir=content_dir, docs_dir=Path("build/preview-docs"),
                        site_dir=Path("build/preview-site"), include_drafts=True,
                        in_place=True)


def rebuild(options: BuildOptions) -> bool:
    """Build the preview; print problems and the time taken; return True if it worked."""
    started = time.monotonic()
    try:
        result = build(options)
    except DigestError as exc:
        print(exc.report(), file=sys.stderr)
        return False
    if result.findings:
        print(format_all(result.findings), file=sys.stderr)
    if has_errors(result.findings):
        print("Not rebuilt: fix the problems above and save again.", file=sys.stderr)
        return False
    print(f"Rebuilt {result.written} changed pages in {time.monotonic() - started:.1f} s.")
    return True


def serve(options: BuildOptions, port: int) -> None:
    """Build the preview, then serve it until interrupted, rebuilding on every save.

    The editor at /admin/ saves into this folder through its local backend, started here.
    """
    from mkdocs.livereload import LiveReloadServer

    class Server(LiveReloadServer):
        def show_now(self) -> None:
            """Reload browsers now, while the build goes on; they reload again after it."""
            with self._epoch_cond:
                self._visible_epoch = self._wanted_epoch
                self._epoch_cond.notify_all()

        def shown_again(self) -> None:
            """Make the end of this build a newer version than the one shown early."""
            with self._epoch_cond:
                self._wanted_epoch = self._visible_epoch + 1

    rebuild(options)
    backend = start_local_backend(options.config_file.resolve().parent)
    if backend is None:
        print("The editor's local backend is not installed (run 'npm ci'): edit the files in "
              "content/ instead.")
    else:
        print(f"Edit content in the browser at http://127.0.0.1:{port}/admin/ (it saves into "
              "content/).")
    stamps = content_stamps(options.content_dir)
    warm_up(options.site_dir)

    def builder() -> None:
        nonlocal stamps
        before, stamps = stamps, content_stamps(options.content_dir)
        saved = [file for file, stamp in stamps.items() if before.get(file) != stamp]
        shown = early and len(saved) == 1 and len(before) == len(stamps) and show_first(
            options, saved)
        if shown:
            server.show_now()
        rebuild(options)
        if shown:
            server.shown_again()

    server = Server(builder=builder, host="127.0.0.1", port=port,
                    root=str(options.site_dir.resolve()))
    # The early reload uses the server's own record of what browsers have seen (MkDocs 1.6):
    # without it, every save waits for the whole rebuild, as before.
    early = all(hasattr(server, name) for name in
                ("_epoch_cond", "_visible_epoch", "_wanted_epoch"))
    for path in (options.content_dir, *map(Path, WATCHED)):
        if path.exists():
            server.watch(str(path.resolve()))
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        if backend is not None:
            backend.terminate()
            backend.wait(timeout=10)


def show_first(options: BuildOptions, saved: list[Path]) -> bool:
    """Show the page of a saved meeting before the whole rebuild (first_page.py); return
    True if it was shown."""
    started = time.monotonic()
    try:
        shown = show_saved_meeting(saved[0], options.content_dir, options.templates_dir,
                                   options.docs_dir, options.site_dir)
    except Exception:  # noqa: BLE001 - showing first only saves time: the rebuild reports it
        return False
    if shown is None:
        return False
    print(f"Showing {shown} first ({time.monotonic() - started:.1f} s); rebuilding the rest.")
    return True
