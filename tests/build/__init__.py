"""Tests of the reproducible dataset build."""
