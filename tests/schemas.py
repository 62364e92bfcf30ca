"""The OASIS XLIFF schemas in tests/data/schemas/, loaded once, for validating every XLIFF the tool writes."""

from __future__ import annotations

import functools

from lxml import etree

from .paths import SCHEMAS

# XLIFF 2.1: the core and the modules the tool writes (metadata, matches), imported by one wrapper schema.
_WRAPPER_21 = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-zhen:wrapper">
  <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0" schemaLocation="{dir}/xliff_core_2.0.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:xliff:metadata:2.0" schemaLocation="{dir}/metadata.xsd"/>
  <xs:import namespace="urn:oasis:names:tc:xliff:matches:2.0" schemaLocation="{dir}/matches.xsd"/>
</xs:schema>
"""


@functools.cache
def schema(version: str) -> etree.XMLSchema:
    if version == "1.2":
        return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-1.2" / "xliff-core-1.2-strict.xsd")))
    wrapper = _WRAPPER_21.format(dir=(SCHEMAS / "xliff-2.1").as_uri())
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), base_url=str(SCHEMAS / "xliff-2.1" / "wrapper.xsd")))


def schema_errors(data: bytes) -> list[str]:
    """What the OASIS schema of the file's version finds wrong with it: [] for a valid file."""
    root = etree.fromstring(data)
    version = "1.2" if root.get("version") == "1.2" else "2.1"
    checker = schema(version)
    if checker.validate(root):
        return []
    return [f"line {error.line}: {error.message}" for error in checker.error_log]
