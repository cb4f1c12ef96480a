"""Packaging tests that install packages or run apt: run by .ci/run with KIOSK_TEST_DEB=1."""
