"""A realistic Vietnamese demo of the portal, loaded by `manage.py load_demo_data`.

The content is data in `data/` (see `data/README.md`); `data` reads it, `loader` loads it
(cooperatives and products through `products.importer`, the code path of `import_catalogue`),
`images` draws the pictures with Pillow, `bulk` and `generate` add thousands of products for
benchmarks without revisions.
"""
