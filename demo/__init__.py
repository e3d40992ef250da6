"""A realistic Vietnamese demo of the portal, loaded by `manage.py load_demo_data`.

Data tables live in plain modules (`places`, `catalogue`, `cooperatives`, `editorial`);
`images` draws the pictures with Pillow; `loader` publishes the base demo through revisions;
`bulk` adds thousands of products for benchmarks without revisions.
"""
