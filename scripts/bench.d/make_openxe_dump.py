#!/usr/bin/env python3
"""Writes an OpenXE dump of N emailbackup rows in mysqldump's default form
(extended INSERTs of up to ~1 MB, as net_buffer_length makes them, one row
a line as MariaDB's mysqldump writes them), around the real mysqldump output of the fixtures: its header,
CREATE TABLEs, and the firmendaten/firmenlogo tables after it. About 800
bytes a row, with quotes, backslashes, newlines and umlauts to escape.
Deterministic: the same N gives the same file.

    make_openxe_dump.py N OUT.sql
"""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
fixture = open("Tests/Fixtures/openxe/default.sql", "rb").read().split(b"\n")
start = next(i for i, line in enumerate(fixture) if line.startswith(b"INSERT INTO `emailbackup` VALUES"))
end = next(i for i in range(start, len(fixture)) if fixture[i].endswith(b");"))
head, tail = fixture[:start], fixture[end + 1:]
rng = random.Random(7)


def q(text):
    text = text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return "'" + text + "'"


def row(i):
    domain = f"kunde{i % 50000}.example.de"
    user = f"mitarbeiter{i}@{domain}"
    tls = rng.random() < 0.8
    signature = (f"<p>Mit freundlichen Grüßen<br>\n{{MITARBEITER}}<br>Kunde {i} GmbH &amp; Co. KG</p>\n"
                 f"<p style=\"font-size:10px\">Geschäftsführer: Jörg O'Neill, Amtsgericht Köln HRB {i}</p>\n"
                 f"<p>Tel. {{MITARBEITER_TELEFON}} · Fax {{MITARBEITER_TELEFAX}} · \\\\server\\share</p>\n"
                 f"<img src=\"https://cdn.{domain}/logo.png\" alt=\"Logo\">")
    values = [
        str(i), q(f"Kunde {i} – Vertrieb"), q("Import aus Altsystem"), q(user), q(f"Pw'{i}\\x"),
        q(f"imap.{domain}"), q(f"smtp.{domain}"), str(i % 2), "1", q("INBOX.Sent"), "993" if tls else "143",
        "3" if tls else "1", str(i % 3 == 0 and 1 or 0), "0", q("Ihre Anfrage #{TICKET}"),
        q("<p>Danke für Ihre Nachricht.</p>"), str(i % 7), "0", "0", "1", q("30"), "0", "0", "0",
        q("Support") if i % 4 else "NULL", "NULL", "0", "1", "2" if tls else "1", "465" if tls else "587",
        q(""), q(""), q(""), q("smtp"), q(""), "0", "1", "1", q(signature), "0",
        q("2024-01-15") if i % 5 else "NULL", q(user),
    ]
    return "(" + ",".join(values) + ")"


with open(out, "wb") as f:
    f.write(b"\n".join(head) + b"\n")
    line, size = [], 0
    for i in range(1, n + 1):
        r = row(i)
        line.append(r)
        size += len(r) + 1
        if size > 1_000_000 or i == n:
            f.write(b"INSERT INTO `emailbackup` VALUES\n" + ",\n".join(line).encode() + b";\n")
            line, size = [], 0
    f.write(b"\n".join(tail))
