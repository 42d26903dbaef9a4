"""Analysis on a Dask cluster: the model is loaded once per worker (a worker plugin), batches
go out in input order and come back to the client, the one process that writes."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker

from .._config import Config
from .._errors import Failure
from .._pipeline import Pipeline
from ..schema import Analysis, Article

PLUGIN_NAME = "wirecoder-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Builds one Pipeline per worker process when the worker starts."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.pipeline: Pipeline | None = None

    def setup(self, worker: object) -> None:
        self.pipeline = Pipeline(self.config)


def analyze_batch_on_worker(batch: list[Article]) -> list[Analysis | Failure]:
    """Run on a worker: analyse ``batch`` with the worker's pipeline."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None
    return plugin.pipeline.analyze_batch(batch)


def connect(address: str | Client, workers: int) -> tuple[Client, LocalCluster | None]:
    """A client for ``address``; ``"local"`` starts a LocalCluster of ``workers`` processes."""
    if isinstance(address, Client):
        return address, None
    if address == "local":
        # distributed's constructors and close() carry no annotations: the ignores name that.
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster  # type: ignore[no-untyped-call]
    return Client(address), None  # type: ignore[no-untyped-call]


def analyze_on_dask(
    articles: Iterable[Article], config: Config | None, address: str | Client, workers: int
) -> Iterator[Analysis | Failure]:
    """Analyse ``articles`` on the cluster and yield the results in input order, keeping a few
    batches per worker in flight."""
    config = config or Config.default()
    client, cluster = connect(address, max(workers, 1))
    try:
        client.register_plugin(PipelinePlugin(config), name=PLUGIN_NAME)
        in_flight: deque[Future[list[Analysis | Failure]]] = deque()
        window = 2 * max(len(client.scheduler_info()["workers"]), 1)
        iterator = iter(articles)
        while batch := list(islice(iterator, config.batch_size)):
            in_flight.append(client.submit(analyze_batch_on_worker, batch, pure=False))
            if len(in_flight) >= window:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    finally:
        if cluster is not None:
            client.close()  # type: ignore[no-untyped-call]
            cluster.close()
