"""Buyers reach producers: inquiries, requests for quotation, and how fast cooperatives answer."""
