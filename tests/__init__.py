"""Tests for Safeguarding Digest."""
