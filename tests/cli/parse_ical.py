#!/usr/bin/python3
"""parse_ical.py: check an iCalendar file written by `cantine calendar`
and print what a calendar application would show, for calendar.sh.

Usage: parse_ical.py FILE [--events N]

The file is parsed by the icalendar package (Debian python3-icalendar),
independently of libcantine.  Checked here: CRLF line ends, physical lines
of at most 75 octets that are valid UTF-8 on their own (no character split
by a fold), the calendar properties, and for each event a DATE DTSTART, a
DTEND the next day, a UID unique in the file, SUMMARY and DESCRIPTION; with
--events, the number of events.  Then it prints, one item per line:

    CALNAME=<X-WR-CALNAME>
    EVENT <date> UID=<uid> STATUS=<status> TRANSP=<transp>
    SUMMARY <date>=<summary>
    DESC <date>=<one line of the description>
    CATEGORIES <date>=<cat1>|<cat2>

Exits 1 with a message on stderr when a check fails, 2 on usage errors.
"""
import argparse
import datetime
import sys

try:
    import icalendar
except ImportError:
    sys.exit("parse_ical.py: the Python icalendar package is missing; "
             "install it with: apt-get install python3-icalendar")


def fail(msg):
    print("parse_ical.py: " + msg, file=sys.stderr)
    sys.exit(1)


def check_lines(raw):
    if not raw.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    lines = raw[:-2].split(b"\r\n")
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {n}: bare CR or LF (lines must end with CRLF)")
        if len(line) > 75:
            fail(f"line {n}: {len(line)} octets, more than 75")
        if not line:
            fail(f"line {n}: empty line")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {n}: not valid UTF-8 on its own (a fold split a character)")


def text(component, name):
    value = component.get(name)
    if value is None:
        fail(f"{name} missing")
    return str(value)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--events", type=int)
    args = ap.parse_args()

    with open(args.file, "rb") as f:
        raw = f.read()
    check_lines(raw)
    cal = icalendar.Calendar.from_ical(raw)
    if cal.name != "VCALENDAR":
        fail(f"top component is {cal.name}")
    for name, want in (("VERSION", "2.0"), ("CALSCALE", "GREGORIAN"),
                       ("METHOD", "PUBLISH")):
        if text(cal, name) != want:
            fail(f"{name} is {text(cal, name)!r}, expected {want!r}")
    if not text(cal, "PRODID").startswith("-//cantine//libcantine "):
        fail(f"unexpected PRODID {text(cal, 'PRODID')!r}")

    out = ["CALNAME=" + text(cal, "X-WR-CALNAME")]
    events = list(cal.walk("VEVENT"))
    if args.events is not None and len(events) != args.events:
        fail(f"{len(events)} events, expected {args.events}")
    uids = set()
    for ev in events:
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        # An all-day event: a date, not a date-time (a datetime is a date too).
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            fail(f"DTSTART {start!r} is not a DATE")
        if ev["DTSTART"].params.get("VALUE") != "DATE":
            fail(f"DTSTART of {start} lacks VALUE=DATE")
        if end != start + datetime.timedelta(days=1):
            fail(f"DTEND {end} is not the day after DTSTART {start}")
        uid = text(ev, "UID")
        if uid in uids:
            fail(f"UID {uid} appears twice")
        uids.add(uid)
        if not isinstance(ev.decoded("DTSTAMP"), datetime.datetime):
            fail(f"DTSTAMP of {start} is not a date-time")
        d = start.isoformat()
        out.append(f"EVENT {d} UID={uid} STATUS={text(ev, 'STATUS')} "
                   f"TRANSP={text(ev, 'TRANSP')}")
        out.append(f"SUMMARY {d}={text(ev, 'SUMMARY')}")
        for line in text(ev, "DESCRIPTION").split("\n"):
            out.append(f"DESC {d}={line}")
        cats = ev.get("CATEGORIES")
        if cats is not None:
            # icalendar 4 gives a vCategory (.cats); newer ones may give a list.
            items = cats if isinstance(cats, list) else [cats]
            names = [str(c) for x in items for c in getattr(x, "cats", [x])]
            out.append(f"CATEGORIES {d}=" + "|".join(names))
    sys.stdout.write("".join(line + "\n" for line in out))


if __name__ == "__main__":
    main()
