#!/usr/bin/python3
"""Reads an export with a reader nobody on this project wrote and prints what it
found as JSON on stdout, for the Node tests to compare with what was written.

Usage: read-export.py FORMAT FILE
  tmx        translate-toolkit's TMX reader (translate.storage.tmx)
  xliff-1.2  translate-toolkit's XLIFF reader (translate.storage.xliff; reads 1.1/1.2)
  xliff-2    lxml (translate-toolkit has no XLIFF 2 reader): units, segments, states, notes
  csv, tsv   Python's csv module (RFC 4180 dialect; utf-8-sig drops the byte-order mark)
  xlsx       openpyxl (Debian package python3-openpyxl): cells, types, frozen panes, wrapping, fonts
  jsonl      Python's json module, one record per line as Python's file iteration splits lines
  html       Python's html.parser: every element and attribute name, and the text of each table row

Run with Debian's /usr/bin/python3, where translate-toolkit and openpyxl are installed.
"""
import csv
import io
import json
import sys


def read_tmx(path):
    from translate.storage import tmx

    with open(path, "rb") as handle:
        store = tmx.tmxfile(handle)
    header = store.document.getroot().find("header")
    units = []
    for unit in store.units:
        props = [(prop.get("type"), prop.text or "") for prop in unit.xmlelement.iterchildren("prop")]
        units.append(
            {
                "id": unit.getid(),
                "source": unit.source,
                "target": unit.target,
                "notes": unit.getnotes(),
                "langs": [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in unit.xmlelement.iterchildren("tuv")],
                "props": props,
            }
        )
    return {
        "sourceLanguage": store.getsourcelanguage(),
        "targetLanguage": store.gettargetlanguage(),
        "header": dict(header.attrib) if header is not None else None,
        "units": units,
    }


def read_xliff_12(path):
    from translate.storage import xliff

    with open(path, "rb") as handle:
        store = xliff.xlifffile(handle)
    units = []
    for unit in store.units:
        target_node = unit.getlanguageNode(lang=None, index=1)
        units.append(
            {
                "id": unit.getid(),
                "source": unit.source,
                "target": unit.target,
                "hasTarget": target_node is not None,
                "notes": unit.getnotes(),
                "approved": unit.isapproved(),
                "state": target_node.get("state") if target_node is not None else None,
            }
        )
    return {
        "sourceLanguage": store.getsourcelanguage(),
        "targetLanguage": store.gettargetlanguage(),
        "filenames": store.getfilenames(),
        "units": units,
    }


def read_xliff_2(path):
    from lxml import etree

    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0", "mda": "urn:oasis:names:tc:xliff:metadata:2.0"}
    # No network, no entities: an export must not need either.
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(path, parser).getroot()
    units = []
    for unit in root.iterfind(".//x:unit", ns):
        segment = unit.find("x:segment", ns)
        source = segment.find("x:source", ns)
        target = segment.find("x:target", ns)
        units.append(
            {
                "id": unit.get("id"),
                "source": "".join(source.itertext()),
                "target": "".join(target.itertext()) if target is not None else None,
                "state": segment.get("state"),
                "notes": ["".join(note.itertext()) for note in unit.iterfind("x:notes/x:note", ns)],
                "meta": [(meta.get("type"), meta.text or "") for meta in unit.iterfind("mda:metadata/mda:metaGroup/mda:meta", ns)],
            }
        )
    return {
        "namespace": etree.QName(root).namespace,
        "version": root.get("version"),
        "sourceLanguage": root.get("srcLang"),
        "targetLanguage": root.get("trgLang"),
        "units": units,
    }


def read_delimited(path, delimiter):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        raw = handle.read()
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter, strict=True))
    return {"rows": rows, "crlf": raw.count("\r\n"), "bareLf": raw.replace("\r\n", "").count("\n")}


def read_xlsx(path):
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = []
    types = []
    for row in sheet.iter_rows():
        rows.append([cell.value for cell in row])
        types.append([cell.data_type for cell in row])
    second = list(sheet.iter_rows(min_row=2, max_row=2))
    sample = second[0] if second else []
    return {
        "sheets": book.sheetnames,
        "rows": rows,
        "types": types,
        "freeze": sheet.freeze_panes,
        "wrap": [bool(cell.alignment.wrap_text) for cell in sample],
        "fonts": [cell.font.name for cell in sample],
        "widths": {key: dim.width for key, dim in sheet.column_dimensions.items()},
    }


def read_jsonl(path):
    records = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            records.append(json.loads(line))
    return {"records": records}


def read_html(path):
    from html.parser import HTMLParser

    class Collector(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.elements = []
            self.attributes = set()
            self.rows = []
            self._row = None

        def handle_starttag(self, tag, attrs):
            self.elements.append(tag)
            for name, value in attrs:
                self.attributes.add(name)
                if tag == "tr" and name == "id":
                    self._row = {"id": value, "text": ""}

        def handle_endtag(self, tag):
            if tag == "tr" and self._row is not None:
                self.rows.append(self._row)
                self._row = None

        def handle_data(self, data):
            if self._row is not None:
                self._row["text"] += data

    with open(path, encoding="utf-8") as handle:
        collector = Collector()
        collector.feed(handle.read())
        collector.close()
    return {"elements": sorted(set(collector.elements)), "attributes": sorted(collector.attributes), "rows": collector.rows}


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    kind, path = argv[1], argv[2]
    readers = {
        "tmx": read_tmx,
        "xliff-1.2": read_xliff_12,
        "xliff-2": read_xliff_2,
        "csv": lambda p: read_delimited(p, ","),
        "tsv": lambda p: read_delimited(p, "\t"),
        "xlsx": read_xlsx,
        "jsonl": read_jsonl,
        "html": read_html,
    }
    if kind not in readers:
        sys.stderr.write(f"unknown format {kind}\n")
        return 2
    json.dump(readers[kind](path), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
