"""The built-in theme: Jinja templates and static/ files, shipped as package data
(pyproject maps this folder to the package generator.theme)."""
