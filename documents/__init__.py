"""The library of collective-economy documents: laws, decrees, plans and guidance."""
