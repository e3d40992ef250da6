"""Vietnamese number format: 12.345 (Django's own locale leaves digits ungrouped)."""

THOUSAND_SEPARATOR = "."
DECIMAL_SEPARATOR = ","
NUMBER_GROUPING = 3
