#!/usr/bin/env python3
"""Renders the OpenXE fixture rows (Tests/Fixtures/openxe/expected-emailbackup.jsonl)
as the pages OpenXE's web interface shows, for the HTML importer's tests:

  pages/emailbackup-edit-N.html   the account edit form of row N (every column
                                  as its input: text, password, checkbox, select,
                                  textarea; hidden inputs for the internal ones)
  emailbackup-list.html           the account list (E-Mail, Angezeigter Name, …)
                                  with ja/nein and the edit link per row

Page 1 is saved as Windows-1252 without a charset declaration, as German
browsers on Windows often saved pages; the others are UTF-8 with <meta>.
Called by scripts/openxe-fixtures; deterministic.
"""
import html
import json
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/openxe"
rows = [json.loads(line) for line in open(os.path.join(out, "expected-emailbackup.jsonl"), encoding="utf-8")]

SELECTS = {
    "imap_type": [("1", "Standard"), ("3", "SSL"), ("5", "Oauth")],
    "smtp_ssl": [("0", "Keine"), ("1", "TLS"), ("2", "SSL")],
    "smtp_authtype": [("", "Kein"), ("smtp", "SMTP"), ("oauth_google", "Oauth Google")],
}
CHECKBOXES = {"ticket", "imap_sentfolder_aktiv", "autoresponder", "emailbackup", "ticketloeschen", "ticketabgeschlossen",
              "ticketemaileingehend", "smtp_extra", "smtp_loglevel", "autosresponder_blacklist", "eigenesignatur"}
TEXTAREAS = {"autorespondertext", "signatur", "smtp_authparam"}
HIDDEN = {"id", "geloescht", "mutex", "firma", "adresse", "projekt", "geschaeftsbriefvorlage"}
LABELS = {"email": "E-Mail-Adresse", "angezeigtername": "Angezeigter Name", "benutzername": "Benutzername",
          "passwort": "Passwort", "server": "IMAP-Server", "smtp": "SMTP-Server"}


def text(value):
    return "" if value is None else str(value)


def control(name, value):
    v = text(value)
    if name in HIDDEN:
        return f'<input type="hidden" name="{name}" id="{name}" value="{html.escape(v)}">'
    if name in CHECKBOXES:
        checked = " checked" if v not in ("", "0") else ""
        # OpenXE's checkboxes carry value="1"; a stored 2 (log level) shows as checked.
        return f'<input type="checkbox" name="{name}" id="{name}" value="1"{checked}>'
    if name in SELECTS:
        options = SELECTS[name][:]
        known = [o[0] for o in options]
        if v.lower() not in [k.lower() for k in known]:
            options.append((v, v))  # a code OpenXE does not define: shown as its own option
        parts = []
        for value_, label in options:
            sel = " selected" if value_.lower() == v.lower() and (value_ == v or v not in known) else ""
            if value_ != v and value_.lower() == v.lower():
                value_ = v  # keep the stored spelling (SMTP)
            parts.append(f'<option value="{html.escape(value_)}"{sel}>{html.escape(label)}</option>')
        return f'<select name="{name}" id="{name}">' + "".join(parts) + "</select>"
    if name in TEXTAREAS:
        return f'<textarea name="{name}" id="{name}" rows="10" cols="80">{html.escape(v)}</textarea>'
    kind = "password" if name == "passwort" else "text"
    return f'<input type="{kind}" name="{name}" id="{name}" value="{html.escape(v)}" size="40">'


os.makedirs(os.path.join(out, "pages"), exist_ok=True)
for row in rows:
    utf8 = row["id"] != 1
    head = '<meta charset="utf-8">' if utf8 else ""
    body = []
    for name, value in row.items():
        if name in HIDDEN:
            body.append(control(name, value))
            continue
        label = LABELS.get(name, name)
        body.append(f"<tr><td>{html.escape(label)}:</td><td>{control(name, value)}</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="de"><head>{head}<title>E-Mail Accounts bearbeiten</title>
<link rel="stylesheet" href="themes/new/css/styles.css"></head>
<body><div id="tabs-1"><form action="index.php?module=emailbackup&amp;action=edit&amp;id={row['id']}" method="post" name="eprooform">
<table class="mkTableFormular">
{chr(10).join(body)}
</table>
<input type="submit" name="submit" value="Speichern">
</form></div></body></html>
"""
    data = page.encode("utf-8" if utf8 else "cp1252", errors="replace")
    open(os.path.join(out, "pages", f"emailbackup-edit-{row['id']}.html"), "wb").write(data)

cells = []
for row in rows:
    if row["geloescht"]:
        continue  # OpenXE lists only accounts that are not deleted
    values = [row["email"], row["angezeigtername"], row["internebeschreibung"], row["benutzername"], row["server"],
              row["smtp"], "ja" if row["ticket"] else "nein", "ja" if row["emailbackup"] else "nein"]
    tds = "".join(f"<td>{html.escape(text(v))}</td>" for v in values)
    link = f'<td><a href="index.php?module=emailbackup&amp;action=edit&amp;id={row["id"]}"><img src="./themes/new/images/edit.svg" border="0"></a></td>'
    cells.append(f"<tr>{tds}{link}</tr>")
labels = ["E-Mail", "Angezeigter Name", "Interne Beschreibung", "Benutzername", "Server", "SMTP", "Ticket", "E-Mail Archiv", "Men&uuml;"]
listing = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>E-Mail Accounts</title></head>
<body><table id="emailbackup_list" class="display" width="100%">
<thead><tr>{"".join(f"<th>{l}</th>" for l in labels)}</tr></thead>
<tbody>
{chr(10).join(cells)}
</tbody></table></body></html>
"""
open(os.path.join(out, "emailbackup-list.html"), "w", encoding="utf-8").write(listing)
