"""Writing a meeting: a starter (`agenda new`) and imports (`agenda import`)."""
