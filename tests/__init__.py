"""The rekisteri test suite."""
