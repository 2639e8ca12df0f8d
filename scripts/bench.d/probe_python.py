#!/usr/bin/env python3
"""The reference for the connect-test benchmark: the same logins as
`mailmigrate probe --login`, with Python's imaplib, poplib and smtplib over a
32-thread pool (TLS verified against the test CA). Prints accounts/s and
the failures.

    probe_python.py ACCOUNTS.csv CA.pem
"""
import csv
import imaplib
import poplib
import smtplib
import ssl
import sys
import time
from concurrent.futures import ThreadPoolExecutor

rows = list(csv.DictReader(open(sys.argv[1])))
context = ssl.create_default_context(cafile=sys.argv[2])


def incoming(r):
    host, port, user, password = r["incoming_host"], int(r["incoming_port"]), r["incoming_user"], r["incoming_password"]
    if r["incoming_protocol"] == "imap":
        if r["incoming_security"] == "tls":
            c = imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=10)
        else:
            c = imaplib.IMAP4(host, port, timeout=10)
            c.starttls(ssl_context=context)
        c.capability()
        c.login(user, password)
        c.logout()
    else:
        if r["incoming_security"] == "tls":
            c = poplib.POP3_SSL(host, port, context=context, timeout=10)
        else:
            c = poplib.POP3(host, port, timeout=10)
            c.stls(context=context)
        c.capa()
        c.user(user)
        c.pass_(password)
        c.quit()


def outgoing(r):
    host, port, user, password = r["outgoing_host"], int(r["outgoing_port"]), r["outgoing_user"], r["outgoing_password"]
    if r["outgoing_security"] == "tls":
        c = smtplib.SMTP_SSL(host, port, context=context, timeout=10)
    else:
        c = smtplib.SMTP(host, port, timeout=10)
        c.starttls(context=context)
    c.ehlo()
    c.login(user, password)
    c.quit()


def account(r):
    failures = 0
    for step in (incoming, outgoing):
        try:
            step(r)
        except Exception as e:  # noqa: BLE001 - every failure counts
            failures += 1
            print(f"python: {r['email']} {step.__name__}: {e}", file=sys.stderr)
    return failures


start = time.time()
with ThreadPoolExecutor(32) as pool:
    failures = sum(pool.map(account, rows))
seconds = time.time() - start
print(f"python accounts {len(rows)} failures {failures} seconds {seconds:.2f} accounts/s {len(rows) / seconds:.0f}")
