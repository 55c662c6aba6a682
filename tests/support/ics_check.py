"""Reads an iCalendar file from standard input with a strict parser (the `ical` package, not
the code that wrote it) and prints its events as JSON, date-times in UTC. A file the parser
refuses ends the script with an error, which fails the test that called it."""

import json
import sys
from datetime import datetime, timezone

from ical.calendar_stream import IcsCalendarStream


def when(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


calendar = IcsCalendarStream.calendar_from_ics(sys.stdin.read())
print(
    json.dumps(
        [
            {
                "uid": event.uid,
                "summary": event.summary,
                "start": when(event.dtstart),
                "end": when(event.dtend),
                "status": event.status.value if event.status else None,
                "location": event.location,
                "url": event.url,
                "description": event.description,
                "sequence": event.sequence,
                "method": getattr(calendar, "method", None),
                "attendees": [a.uri for a in (event.attendees or [])],
                "organizer": event.organizer.uri if event.organizer else None,
            }
            for event in calendar.events
        ]
    )
)
