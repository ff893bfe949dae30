"""The same pipeline on an existing distributed engine (Ray) when one machine is not enough.

Needs the optional extra: ``pip install 'eventwire[ray]'``. Importing this package does not
import Ray; ``run_ray`` does.
"""

from __future__ import annotations


def run_ray(*args, **kwargs):
    """See eventwire.distributed.ray_runner.run_ray."""
    try:
        from .ray_runner import run_ray as _run_ray
    except ImportError as exc:
        raise ImportError("the Ray engine needs the optional extra: "
                          "pip install 'eventwire[ray]'") from exc
    return _run_ray(*args, **kwargs)


__all__ = ["run_ray"]
