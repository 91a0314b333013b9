"""Safeguarding Digest: council children's safeguarding papers made readable."""
