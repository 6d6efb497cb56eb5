"""Scale out: the per-article work on Dask, and store-less batch coding to Parquet (issue #8).

* :class:`DaskEngine` runs ingest's per-batch work on a ``dask.distributed``
  cluster (``Store.ingest(..., engine=DaskEngine(jobs=4))``, ``tidings ingest
  --engine dask``).
* :func:`code` codes articles straight to Parquet part files, no store
  (``tidings code INPUT... --out DIR``).

Dask and pyarrow are imported only when used (the ``scale`` extra installs both).
"""

from tidings.scale.coding import CodeReport, code
from tidings.scale.dask_engine import DaskEngine

__all__ = ["CodeReport", "DaskEngine", "code"]
