"""Static site generator for the plan reference portal (规划参考门户).

The folders are the pipeline, run by ``pipeline.generate``:

    load → enrich → render → publish      (text, search and importer beside them)

``config.PortalConfig`` carries every setting; ``problems`` is what authors are told.
A stage imports only earlier stages (tests/unit/test_architecture.py checks it).
"""
