"""One error type for every problem a user can act on; the command line prints it, never a trace."""

from __future__ import annotations


class DigestError(Exception):
    """A problem with the input or the machine that the user can fix: its text says how.

    ``exit_code`` is what the command line returns: 1 for a problem found, 2 for a command
    that cannot run as given.
    """

    exit_code = 1

    def report(self) -> str:
        """Return the message with any notes added on the way up, one per line."""
        return "\n".join([str(self), *getattr(self, "__notes__", [])])


class UsageError(DigestError):
    """The command's options cannot be used together, or point somewhere unsafe."""

    exit_code = 2
