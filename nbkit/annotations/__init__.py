"""The argument layer: curated data about the bundled interview, checked against its text."""
