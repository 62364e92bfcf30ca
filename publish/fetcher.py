"""What WeasyPrint may load while it renders: our own stylesheets, nothing else.

Report and XLIFF text ends up in the HTML a PDF is made from.  Escaping keeps
it from becoming markup; this fetcher is the second wall: even markup that got
through could not attach a local file (``<link rel="attachment"
href="file:///…">``), load an image from the network or read a ``data:`` URL.
Fonts come from fontconfig by family name and need no fetching at all.
"""

from __future__ import annotations

from weasyprint.urls import URLFetcher, URLFetcherResponse

# A scheme of our own, so that no resource of ours can be confused with a path or URL.
SCHEME = "zhen-resource:"


def resource_url(name: str) -> str:
    return SCHEME + name


class ConfinedFetcher(URLFetcher):
    """Serves the named in-memory resources; refuses and records every other URL."""

    def __init__(self, resources: dict[str, tuple[bytes, str]]):
        super().__init__(allowed_protocols=())  # the parent's own fetching is never used
        self._resources = {resource_url(name): body for name, body in resources.items()}
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url in self._resources:
            body, content_type = self._resources[url]
            return URLFetcherResponse(url, body, {"Content-Type": content_type})
        self.refused.append(url)
        raise ValueError(f"refused to fetch {url[:80]!r}: rendering loads only its own resources")
